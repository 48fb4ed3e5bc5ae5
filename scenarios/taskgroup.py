"""TaskGroup: structured concurrency, one failure cancels the rest
Lesson: Tasks and cancellation

async with asyncio.TaskGroup() as group starts tasks that belong to the block:
the block does not end until all of them are done. If one task fails, the group
cancels its siblings, waits for them, and raises an ExceptionGroup holding the
failure; except* picks out the exceptions you know how to handle.

gather behaves differently: with return_exceptions=True a failure is just one of
the results, and the siblings carry on to the end. Move FAIL_AFTER past WORK_TIME
and the siblings finish before the failure comes.
"""
import asyncio

WORK_TIME = 3.0  # @param 0.5..5 step 0.5 seconds a healthy job takes
FAIL_AFTER = 1.5  # @param 0.5..5 step 0.5 seconds until the broken job fails


async def job(name):
    try:
        await asyncio.sleep(WORK_TIME)
    except asyncio.CancelledError:
        print(f"  {name}: cancelled, cleaning up")  # @note The group cancels the siblings of a failed task.
        raise
    print(f"  {name}: finished")
    return name


async def broken_job():
    await asyncio.sleep(FAIL_AFTER)
    print("  broken: failing")
    raise ValueError("the broken job broke")  # @note This failure spreads to the whole group.


async def with_taskgroup():
    try:
        async with asyncio.TaskGroup() as group:  # @note The block ends only when every task in the group is done.
            group.create_task(job("alpha"))
            group.create_task(broken_job())
            group.create_task(job("gamma"))
        print("the group finished")
    except* ValueError as group_error:  # @note except* handles the ValueErrors inside the ExceptionGroup.
        for error in group_error.exceptions:
            print(f"caught from the group: {error!r}")


async def with_gather():
    results = await asyncio.gather(job("alpha"), broken_job(), job("gamma"), return_exceptions=True)  # @note gather does not cancel the others.
    for result in results:
        print(f"gather result: {result!r}")


async def main():
    print("--- TaskGroup ---")
    await with_taskgroup()
    print("--- gather(return_exceptions=True) ---")
    await with_gather()


asyncio.run(main())
