# conformance: stamp
# Video: give up after 2 seconds on a 2.5 second request with wait_for.
import asyncio

async def fetch_data():
    print("Fetching data...")
    try:
        await asyncio.sleep(2.5)
    except asyncio.CancelledError:
        print("fetch was cancelled by the timeout")
        raise
    print("Data fetched")
    return "API data"

async def main():
    task = asyncio.create_task(fetch_data())
    try:
        result = await asyncio.wait_for(task, timeout=2)
        print(result)
    except asyncio.TimeoutError:
        print("Timeout: request took too long")
    print("task cancelled:", task.cancelled())
    print(await asyncio.wait_for(fetch_data(), timeout=10))

asyncio.run(main())
