"""Inside a coroutine: send, StopIteration and throw
Lesson: Coroutines and the event loop

An async def function is an ordinary function; calling it runs nothing and hands
back a coroutine object. The coroutine runs when someone sends it None. It stops
at each await that has to wait, and when it returns, the return value travels
inside a StopIteration exception. Cancelling is throwing CancelledError into it.

Here you play the event loop by hand: send(None) to start and resume, catch
StopIteration for the result, throw() to cancel. A coroutine that swallows the
CancelledError carries on regardless: cancelling is a request, not a kill. Then
asyncio.run does the very same thing for you, which is all an event loop does
with a coroutine.
"""
import asyncio
import inspect

ROUNDS = 3  # @param 1..10 step 1 times the worker is resumed before it is cancelled


async def answer():
    return 42


async def worker():
    rounds = 0
    try:
        while True:
            rounds += 1
            print(f"  worker: round {rounds}, now I pause")
            await asyncio.sleep(0)  # @note The coroutine suspends here and control goes back to whoever sent.
    except asyncio.CancelledError:
        print(f"  worker: cancelled after {rounds} round(s), cleaning up")  # @note throw() raised CancelledError right at the paused await.
        return rounds


print("--- an async def function is a function ---")
print(f"type(answer) is {type(answer).__name__}")
print(f"iscoroutinefunction(answer): {inspect.iscoroutinefunction(answer)}")
coro = answer()
print(f"answer() gives a {type(coro).__name__}; iscoroutine: {inspect.iscoroutine(coro)}")

print("--- send(None) runs it; StopIteration carries the result ---")
try:
    coro.send(None)  # @note Nothing ran until this send.
except StopIteration as stop:
    print(f"The answer was: {stop.value}")  # @note A returning coroutine raises StopIteration with the return value.

print(f"--- resume a worker {ROUNDS} time(s), then throw CancelledError ---")
coro = worker()
for _ in range(ROUNDS):
    coro.send(None)
try:
    coro.throw(asyncio.CancelledError())  # @note This is what task.cancel() does on the task's next step.
except StopIteration as stop:
    print(f"The worker returned {stop.value}")


async def stubborn():
    try:
        while True:
            await asyncio.sleep(0)
    except asyncio.CancelledError:
        print("  stubborn: Nope!")  # @note For educational purposes only: swallowing CancelledError keeps the coroutine alive.
        while True:
            await asyncio.sleep(0)


print("--- a coroutine that refuses to be cancelled (never do this) ---")
coro = stubborn()
coro.send(None)
coro.throw(asyncio.CancelledError())
coro.send(None)
print("  it is still running after the throw; only close() ends it")
coro.close()  # @note close() throws GeneratorExit, which the coroutine cannot swallow.


async def main():
    task = asyncio.create_task(worker())
    for _ in range(ROUNDS):
        await asyncio.sleep(0)  # @note Each sleep(0) lets the loop send(None) to the worker once more.
    task.cancel()
    print(f"The worker returned {await task}")


print("--- the event loop does the same for us ---")
asyncio.run(main())
