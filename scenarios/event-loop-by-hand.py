"""The event loop by hand: call_soon, call_later, call_at, run_forever
Lesson: Coroutines and the event loop

Before asyncio.run there was the loop itself, and it is still underneath. Plain
functions can be scheduled as callbacks: call_soon runs one on the next turn,
call_later after a delay, call_at at an absolute loop.time(). Coroutines become
tasks with create_task. run_forever turns the loop until a callback calls stop().

Watch the instances print at random moments while the callbacks fire on time,
then the shutdown callback stop the loop. Whatever is still pending afterwards
must be cancelled and the loop closed: asyncio.run does that tidying for you.
"""
import asyncio
import random

INSTANCES = 3  # @param 1..8 step 1 display tasks on the loop
RUN_TIME = 12.0  # @param 1..30 step 1 seconds each display task keeps going
SHUTDOWN_AFTER = 8.0  # @param 1..60 step 1 seconds until the shutdown callback stops the loop

random.seed(7)
loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
print(f"get_event_loop() returns that same loop: {asyncio.get_event_loop() is loop}")


def say(message):
    print(f"callback at {loop.time():.1f}: {message}")  # @note A plain function, run by the loop as a callback.


def shutdown():
    print("shutdown called")
    loop.stop()  # @note stop() lets the current turn finish, then run_forever returns.


async def display(num):
    end_time = loop.time() + RUN_TIME
    try:
        while loop.time() < end_time:
            print(f"instance {num} at {loop.time():.1f}")
            await asyncio.sleep(random.randint(1, 3))  # @note Each instance pauses for one to three seconds, at random.
    except asyncio.CancelledError:
        print(f"instance {num} cancelled at shutdown")
        raise
    print(f"instance {num} is all done")


tasks = [loop.create_task(display(n)) for n in range(1, INSTANCES + 1)]  # @note Scheduled, but nothing runs until the loop turns.
loop.call_soon(say, "call_soon: the next turn of the loop")
loop.call_later(2.5, say, "call_later: 2.5 s from now")
loop.call_at(loop.time() + 4, say, "call_at: at loop time 4")
loop.call_later(SHUTDOWN_AFTER, shutdown)
print("about to run loop")
loop.run_forever()  # @note This call blocks until a callback stops the loop.
print("loop exited")

pending = [task for task in tasks if not task.done()]
print(f"{len(pending)} task(s) still pending: cancelling them")
for task in pending:
    task.cancel()
loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
loop.close()
print("loop closed")
