"""A thousand tasks at once
Lesson: Async basics

kill_time says it is running, sleeps for SLEEP_TIME (one second), and says it has
finished. main starts TASKS of them with asyncio.gather. One after another they
would take TASKS seconds; gathered, every one of them sleeps during the same second.

Only the first and the last few tasks print, so the output stays readable; the
timeline shows them all. Watch the clock: everything starts at once, everything
finishes one second later, and in the order the tasks were started. A waiting task
costs almost nothing, which is why asyncio can juggle thousands of them.
"""
import asyncio
import time

TASKS = 1000  # @param 1..10000 step 1 how many kill_time tasks to gather
SLEEP_TIME = 1.0  # @param 0.1..5 step 0.1 seconds each task sleeps
SHOWN = 3

finished = []


def shown(num):
    return num <= SHOWN or num > TASKS - SHOWN


async def kill_time(num):
    if shown(num):
        print(f"Running {num}")
    await asyncio.sleep(SLEEP_TIME)  # @note Every task waits during the same second; none of them blocks the others.
    finished.append(num)
    if shown(num):
        print(f"Finished {num}")


async def main():
    print("Started")
    start = time.perf_counter()
    tasks = [kill_time(i) for i in range(1, TASKS + 1)]
    await asyncio.gather(*tasks)  # @note One gather, many coroutines: each becomes a task on the same loop.
    elapsed = time.perf_counter() - start
    in_order = finished == sorted(finished)
    print(f"Done: {len(finished)} tasks in {elapsed:.1f} s, not {TASKS * SLEEP_TIME:.1f} s")
    print(f"Finished in the order they started: {in_order}")  # @note Timers due at the same moment fire in the order they were set.


asyncio.run(main())
