"""Futures and callbacks: the toggle underneath every await
Lesson: Coroutines and the event loop

A Future is a placeholder for a result that is not there yet: a toggle that starts
as "not done" and is flipped, once, by set_result (or set_exception, or cancel).
The callback style says "call this function when it is done": add_done_callback.
The await style says "pause this coroutine until it is done". Both are the same
mechanism: a Task is a Future whose result comes from a coroutine, and awaiting a
Future just registers a callback that resumes you.

Watch the request's future flip after DELAY seconds, its callbacks run on the next
turn of the loop, and the awaiting coroutine wake up.
"""
import asyncio

DELAY = 1.5  # @param 0.5..5 step 0.5 seconds the simulated server needs to answer


def request(loop, url):
    future = loop.create_future()  # @note A fresh future: not done, no result yet.
    loop.call_later(DELAY, future.set_result, f"<html>{url}</html>")  # @note The answer is delivered later by a timer callback.
    return future


def on_response(future):
    print(f"callback: got {future.result()}")  # @note The loop calls done-callbacks on its next turn.


async def await_style(future):
    body = await future  # @note await registers a callback that resumes this coroutine.
    print(f"await: got {body}")


async def main():
    loop = asyncio.get_running_loop()
    future = request(loop, "example.com")
    future.add_done_callback(on_response)
    waiter = asyncio.create_task(await_style(future))
    print(f"just asked: done={future.done()}")
    await asyncio.sleep(DELAY / 2)
    print(f"halfway: done={future.done()}")
    await waiter
    print(f"after: done={future.done()}, result={future.result()!r}")
    print(f"a Task is a Future: {isinstance(waiter, asyncio.Future)}")

    late = loop.create_future()
    late.cancel()  # @note A cancelled future is done too, but has no result.
    print(f"cancelled future: done={late.done()}, cancelled={late.cancelled()}")
    try:
        late.result()
    except asyncio.CancelledError:
        print("asking a cancelled future for its result raises CancelledError")


asyncio.run(main())
