# conformance: stamp
# Video: check task.done() before reading task.result(); too early raises InvalidStateError.
import asyncio

async def fetch_data():
    print("Fetching data...")
    await asyncio.sleep(2.5)
    print("Data fetched")
    return "API data"

async def main():
    task = asyncio.create_task(fetch_data())
    await asyncio.sleep(2)
    print("done after 2 s?", task.done())
    try:
        task.result()
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    await asyncio.sleep(1)
    if task.done():
        print("result:", task.result())

asyncio.run(main())
