"""Timeouts: give up on work that takes too long
Lesson: Tasks and cancellation

A request that never answers should not keep a user waiting for ever.
asyncio.wait_for(coro, timeout) runs the coroutine as a task and, when the time is
up, cancels it, waits for it to finish cancelling, and raises TimeoutError.
asyncio.timeout(delay) does the same for a whole block of code: every await
inside the block shares one deadline.

Watch the fetch being cancelled at the deadline (its cleanup line prints first),
then TimeoutError reaching main. Slide TIMEOUT above WORK_TIME and the work wins.
"""
import asyncio

WORK_TIME = 2.5  # @param 0.5..10 step 0.5 seconds one fetch needs
TIMEOUT = 2.0  # @param 0.5..10 step 0.5 seconds we are willing to wait


async def fetch_data(label):
    print(f"{label}: fetching...")
    try:
        await asyncio.sleep(WORK_TIME)
    except asyncio.CancelledError:
        print(f"{label}: cancelled by the timeout")  # @note The deadline passed: the timeout cancels the work it guards.
        raise
    print(f"{label}: done")
    return f"data from {label}"


async def with_wait_for():
    try:
        result = await asyncio.wait_for(fetch_data("fetch"), timeout=TIMEOUT)  # @note wait_for races the work against a timer.
        print(f"Got {result}")
    except TimeoutError:
        print("Timeout: request took too long")  # @note wait_for waited for the cancelled task, then raised TimeoutError.


async def with_timeout_block():
    results = []
    try:
        async with asyncio.timeout(TIMEOUT * 2):  # @note One deadline for everything inside the block.
            results.append(await fetch_data("first"))
            results.append(await fetch_data("second"))
    except TimeoutError:
        print(f"Timeout: the block ran out of time after {len(results)} fetch(es)")
    print(f"Results: {results}")


async def main():
    print(f"--- wait_for: {WORK_TIME} s of work, {TIMEOUT} s timeout ---")
    await with_wait_for()
    print(f"--- asyncio.timeout: two fetches, {TIMEOUT * 2} s for both ---")
    await with_timeout_block()


asyncio.run(main())
