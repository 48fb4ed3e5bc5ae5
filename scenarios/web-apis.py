"""Calling web APIs: requests blocks, aiohttp waits together
Lesson: Web APIs

Two slow endpoints answer after DELAY_ONE and DELAY_TWO seconds (httpbin's
/delay/N). requests.get is a blocking call: it is not awaitable, so the program
stops until the answer arrives, even when the call sits inside a coroutine and
the coroutines are gathered. With aiohttp almost everything is awaitable:
session.get suspends the coroutine while the server works, so two tasks created
with create_task wait for their answers at the same time.

async with matters too: the session is cleaned up when the block ends, so every
request made through it is awaited inside the block.
"""
import asyncio
import time

import aiohttp
import requests

DELAY_ONE = 2  # @param 1..8 step 1 seconds the first endpoint needs to answer
DELAY_TWO = 3  # @param 1..8 step 1 seconds the second endpoint needs to answer


def url_for(delay):
    return f"https://httpbin.org/delay/{delay}"


def load_blocking(delay):
    print(f"requests.get {url_for(delay)}")
    response = requests.get(url_for(delay))  # @note requests.get blocks: the whole program waits for the server.
    print(f"  {response.status_code} after {delay} s: {response.json()['url']}")
    return delay


async def load_blocking_in_coroutine(delay):
    return load_blocking(delay)  # @note Wrapping a blocking call in async def does not make it wait politely.


async def load_data(session, delay):
    print(f"session.get {url_for(delay)}")
    async with session.get(url_for(delay)) as response:  # @note The request is in flight; this task waits and the loop runs others.
        data = await response.json()
        print(f"  {response.status} after {delay} s: {data['url']}")
        return delay


async def main():
    print("--- requests, one call after the other ---")
    start = time.perf_counter()
    load_blocking(DELAY_ONE)
    load_blocking(DELAY_TWO)
    print(f"Took {time.perf_counter() - start:.1f} s")

    print("--- requests inside coroutines, gathered ---")
    start = time.perf_counter()
    await asyncio.gather(load_blocking_in_coroutine(DELAY_ONE), load_blocking_in_coroutine(DELAY_TWO))
    print(f"Took {time.perf_counter() - start:.1f} s: still one after the other")

    print("--- aiohttp, two tasks ---")
    start = time.perf_counter()
    async with aiohttp.ClientSession() as session:  # @note async with: the session is closed only after our awaits are done.
        task_one = asyncio.create_task(load_data(session, DELAY_ONE))
        task_two = asyncio.create_task(load_data(session, DELAY_TWO))  # @note Both requests are started before we await either.
        result_one = await task_one
        result_two = await task_two
    print(f"Results {result_one} and {result_two}; took {time.perf_counter() - start:.1f} s")


asyncio.run(main())
