"""Waiting for many things: gather, wait and as_completed
Lesson: Tasks and cancellation

Three downloads of different lengths, waited for in three different ways.
gather waits for all of them and returns the results in the order you passed
them, whichever finished first. wait hands back two sets, done and pending, as
soon as its condition holds (here: FIRST_COMPLETED), and leaves the rest to you.
as_completed gives you each result the moment it is ready, fastest first.

Slide FIRST_TIME and watch: gather's list never changes order, as_completed's
order follows the clock.
"""
import asyncio

FIRST_TIME = 3.0  # @param 0.5..5 step 0.5 seconds the first download takes
SECOND_TIME = 1.0  # @param 0.5..5 step 0.5 seconds the second download takes
THIRD_TIME = 2.0  # @param 0.5..5 step 0.5 seconds the third download takes


async def download(name, seconds):
    await asyncio.sleep(seconds)
    print(f"  {name} finished")
    return name


def downloads():
    return [download("first", FIRST_TIME), download("second", SECOND_TIME), download("third", THIRD_TIME)]


async def with_gather():
    results = await asyncio.gather(*downloads())  # @note gather returns when all are done, results in argument order.
    print(f"gather returned {results}")


async def with_wait():
    tasks = [asyncio.create_task(job) for job in downloads()]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)  # @note wait returns as soon as one task is done.
    print(f"wait returned: {len(done)} done, {len(pending)} pending")
    print(f"done: {sorted(task.result() for task in done)}")
    for task in tasks:
        if not task.done():
            task.cancel()  # @note What is still pending is ours to handle: here we cancel it.
    if pending:
        await asyncio.wait(pending)
    print(f"cancelled: {sum(1 for task in tasks if task.cancelled())}")


async def with_as_completed():
    order = []
    tasks = [asyncio.create_task(job) for job in downloads()]
    for next_done in asyncio.as_completed(tasks):
        name = await next_done  # @note Each await hands back whichever download finished next.
        print(f"as_completed gave {name}")
        order.append(name)
    print(f"as_completed order: {order}")


async def main():
    print("--- gather ---")
    await with_gather()
    print("--- wait(FIRST_COMPLETED) ---")
    await with_wait()
    print("--- as_completed ---")
    await with_as_completed()


asyncio.run(main())
