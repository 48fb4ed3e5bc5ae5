# conformance: stamp
# Video: cancel a running task and handle CancelledError / TimeoutError; task.cancelled().
import asyncio

async def fetch_data():
    print("Fetching data...")
    await asyncio.sleep(2.5)
    print("Data fetched")
    return "API data"

async def main():
    task = asyncio.create_task(fetch_data())
    task.cancel()
    try:
        result = await task
        print(result)
    except asyncio.CancelledError:
        print("Request was cancelled")
    except asyncio.TimeoutError:
        print("Request took too long")
    await asyncio.sleep(0.5)
    print("cancelled:", task.cancelled(), "done:", task.done())

    task2 = asyncio.create_task(fetch_data())
    await asyncio.sleep(1)
    task2.cancel()
    try:
        await task2
    except asyncio.CancelledError:
        print("second request cancelled mid-flight")
    print("cancelled:", task2.cancelled())

asyncio.run(main())
