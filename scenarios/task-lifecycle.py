"""A task's life: created, running, done, cancelled
Lesson: Tasks and cancellation

create_task wraps a coroutine in a Task and schedules it at once: it starts on
the loop's next turn, while main carries on. A task can be awaited for its
result, asked whether it is done(), and cancelled. cancel() does not stop the
task on the spot: it throws CancelledError into the coroutine at the await where
it is waiting, so the coroutine can clean up before it ends. A task cancelled
before its first step never runs a single line.

Move PEEK_AFTER past FETCH_TIME and the last part reads the result instead of
cancelling.
"""
import asyncio

FETCH_TIME = 2.5  # @param 0.5..5 step 0.5 seconds fetch_data needs
CANCEL_AFTER = 1.0  # @param 0.5..5 step 0.5 seconds before the second task is cancelled
PEEK_AFTER = 2.0  # @param 0.5..6 step 0.5 seconds main waits before it checks the last task


async def fetch_data(label):
    print(f"{label}: fetching data...")
    try:
        await asyncio.sleep(FETCH_TIME)  # @note The task waits here; a cancel() lands exactly at this await.
    except asyncio.CancelledError:
        print(f"{label}: cancelled while fetching, cleaning up")  # @note CancelledError arrived inside the coroutine.
        raise
    print(f"{label}: data fetched")
    return f"API data for {label}"


def report(task):
    print(f"  {task.get_name()}: done={task.done()} cancelled={task.cancelled()}")


async def await_it():
    task = asyncio.create_task(fetch_data("first"), name="first")  # @note The task is scheduled now and starts on the loop's next turn.
    report(task)
    result = await task
    print(f"Result: {result}")
    report(task)


async def cancel_it(delay):
    task = asyncio.create_task(fetch_data("second"), name="second")
    if delay > 0:
        await asyncio.sleep(delay)
    if not task.cancel():  # @note cancel() only asks; the task finds out at its next step.
        print("cancel() came too late: the task is already done")
    report(task)
    try:
        print(f"Result: {await task}")
    except asyncio.CancelledError:
        print("Request was cancelled")
    report(task)


async def peek_at_it():
    task = asyncio.create_task(fetch_data("third"), name="third")
    await asyncio.sleep(PEEK_AFTER)
    if task.done():
        print(f"Done in time: {task.result()}")  # @note result() is safe only once done() is True.
    else:
        print("Not done yet, cancelling")
        task.cancel()
        try:
            await task
        except asyncio.CancelledError:
            report(task)


async def main():
    print("--- create a task and await it ---")
    await await_it()
    print("--- cancel a task before it ever runs ---")
    await cancel_it(0)
    print(f"--- cancel a task after {CANCEL_AFTER} s ---")
    await cancel_it(CANCEL_AFTER)
    print(f"--- look at a task after {PEEK_AFTER} s ---")
    await peek_at_it()


asyncio.run(main())
