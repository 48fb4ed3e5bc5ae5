# conformance: stamp
# Lesson 10: two create_task calls share one aiohttp session; awaiting them in turn.
import asyncio
import time
import aiohttp

async def load_data(session, delay):
    print(f"Starting {delay} second timer")
    async with session.get(f"https://httpbin.org/delay/{delay}") as resp:
        text = await resp.text()
        print(f"Completed {delay} second timer, status {resp.status}")
        return text

async def main():
    start = time.perf_counter()
    async with aiohttp.ClientSession() as session:
        task_one = asyncio.create_task(load_data(session, 2))
        task_two = asyncio.create_task(load_data(session, 3))
        result_one = await task_one
        print("first result:", result_one)
        result_two = await task_two
        print("second result:", result_two)
    print(f"elapsed {time.perf_counter() - start:.2f}")

asyncio.run(main())
