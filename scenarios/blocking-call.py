"""A blocking call freezes the loop; an executor thread sets it free
Lesson: Blocking and threads

A clock task ticks every TICK seconds while a slow function runs three times.
The slow function is ordinary blocking code: time.sleep, like a big computation,
a file read or requests.get. Called straight from a coroutine it blocks the one
thread the loop runs on: no tick, no callback, nothing at all, until it returns.

Handed to loop.run_in_executor, or to asyncio.to_thread, the same function runs
on a worker thread. The coroutine awaits its result, and the clock keeps ticking
meanwhile. Watch the gap in the ticks, and the longest pause printed each time.
"""
import asyncio
import time

SLOW_TIME = 3.0  # @param 0.5..10 step 0.5 seconds the blocking function takes
TICK = 0.5  # @param 0.2..2 step 0.1 seconds between two ticks of the clock


def slow_function(seconds):
    time.sleep(seconds)  # @note time.sleep blocks its thread; on the loop's thread that freezes every task.
    return seconds


async def clock(pauses):
    last = time.monotonic()
    while True:
        await asyncio.sleep(TICK)
        now = time.monotonic()
        pauses.append(now - last)
        last = now
        print("  tick")  # @note The clock only ticks while the loop is free to run it.


async def call_blocking():
    return slow_function(SLOW_TIME)  # @note Called directly: the loop is stuck inside this call.


async def call_in_executor():
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(None, slow_function, SLOW_TIME)  # @note The function runs on a worker thread; the loop stays free.


async def call_to_thread():
    return await asyncio.to_thread(slow_function, SLOW_TIME)  # @note to_thread is the short way to say run_in_executor.


async def attempt(title, call):
    print(f"--- {title} ---")
    pauses = []
    ticking = asyncio.create_task(clock(pauses))
    await asyncio.sleep(0)
    start = time.monotonic()
    result = await call()
    print(f"slow function returned {result} after {time.monotonic() - start:.1f} s")
    await asyncio.sleep(TICK)
    ticking.cancel()
    try:
        await ticking
    except asyncio.CancelledError:
        pass
    print(f"longest pause between ticks: {max([0.0] + pauses):.1f} s")


async def main():
    await attempt("blocking call inside a coroutine", call_blocking)
    await attempt("loop.run_in_executor", call_in_executor)
    await attempt("asyncio.to_thread", call_to_thread)


asyncio.run(main())
