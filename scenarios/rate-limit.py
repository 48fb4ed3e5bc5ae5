"""Rate limiting: a Semaphore caps the downloads in flight
Lesson: Synchronisation

We have DOWNLOADS pages to fetch, but the server asks for no more than LIMIT
requests at a time. An asyncio.Semaphore(LIMIT) holds LIMIT permits: async with
takes one, and gives it back on the way out. Every task is started at once, but
only LIMIT of them get past the semaphore; the others wait their turn in order.

Watch the in-flight count never pass LIMIT, and the total time shrink as you
raise LIMIT, until everything runs at once.
"""
import asyncio
import time

import aiohttp

DOWNLOADS = 9  # @param 1..40 step 1 pages to download
LIMIT = 3  # @param 1..10 step 1 downloads allowed at the same time


class Counter:
    def __init__(self):
        self.in_flight = 0
        self.peak = 0


async def download(session, limit, counter, number):
    url = f"https://httpbin.org/delay/{1 + number % 3}"
    async with limit:  # @note Waits here while LIMIT downloads are already in flight.
        counter.in_flight += 1
        counter.peak = max(counter.peak, counter.in_flight)
        print(f"download {number} starts ({counter.in_flight} in flight)")
        async with session.get(url) as response:
            await response.text()
        counter.in_flight -= 1
        print(f"download {number} done")
    return response.status  # @note Leaving async with gives the permit to the next waiting task.


async def main():
    limit = asyncio.Semaphore(LIMIT)  # @note A semaphore is a counter of permits, not a lock for one.
    counter = Counter()
    start = time.perf_counter()
    async with aiohttp.ClientSession() as session:
        statuses = await asyncio.gather(*(download(session, limit, counter, n) for n in range(1, DOWNLOADS + 1)))
    print(f"{len(statuses)} downloads, all {statuses[0]}, at most {counter.peak} at a time")
    print(f"took {time.perf_counter() - start:.1f} s")


asyncio.run(main())
