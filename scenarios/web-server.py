"""A web server: worker threads versus one async loop
Lesson: Web APIs

Every request to our weather service calls two slow APIs, one after the other:
a location service, then a sun service. The sync server (think Flask) gives each
request one of WORKERS threads, and a thread that waits for an API can do nothing
else; requests beyond WORKERS queue up for a free thread. The async server (think
Quart) awaits the same two APIs through aiohttp, so its single thread takes the
next request while earlier ones wait.

Watch the latency of one request: it is the same for both, the APIs are just as
slow. What changes is how many requests wait in line for a thread, and so the
throughput.
"""
import asyncio
import time

import aiohttp
import requests

REQUESTS = 12  # @param 1..100 step 1 requests arriving together
WORKERS = 4  # @param 1..32 step 1 worker threads of the sync server
LOCATION_DELAY = 1  # @param 1..3 step 1 seconds the location API takes
SUN_DELAY = 1  # @param 1..3 step 1 seconds the sun API takes

LOCATION_API = f"https://httpbin.org/delay/{LOCATION_DELAY}"
SUN_API = f"https://httpbin.org/delay/{SUN_DELAY}"


def handle_sync():
    requests.get(LOCATION_API)  # @note The worker thread is stuck until the location API answers.
    requests.get(SUN_API)


async def handle_async(session):
    async with session.get(LOCATION_API) as response:  # @note The request waits here, but the thread moves on to other requests.
        await response.json()
    async with session.get(SUN_API) as response:
        await response.json()


async def sync_server():
    threads = asyncio.Semaphore(WORKERS)

    async def serve():
        async with threads:  # @note A request needs a free thread; while all are busy it queues here.
            await asyncio.to_thread(handle_sync)

    return await measure(serve)


async def async_server():
    async with aiohttp.ClientSession() as session:
        async def serve():
            await handle_async(session)  # @note No thread to wait for: every request starts at once.

        return await measure(serve)


async def measure(serve):
    start = time.perf_counter()
    latencies = []

    async def timed(number):
        await serve()
        latency = time.perf_counter() - start
        latencies.append(latency)
        print(f"  request {number} answered after {latency:.1f} s")

    await asyncio.gather(*(timed(n) for n in range(1, REQUESTS + 1)))
    total = time.perf_counter() - start
    print(f"  {REQUESTS} requests in {total:.1f} s: {REQUESTS / total:.2f} requests/s")
    print(f"  fastest answer {min(latencies):.1f} s, slowest {max(latencies):.1f} s, "
          f"mean {sum(latencies) / len(latencies):.2f} s")
    return total


async def main():
    print(f"Each request calls two APIs: {LOCATION_DELAY + SUN_DELAY} s of waiting")
    print(f"--- sync server, {WORKERS} worker thread(s) ---")
    sync_total = await sync_server()
    print("--- async server, one thread ---")
    async_total = await async_server()
    print(f"The async server finished {sync_total / async_total:.1f} times sooner")  # @note Same API latency; the difference is who waits in line.


asyncio.run(main())
