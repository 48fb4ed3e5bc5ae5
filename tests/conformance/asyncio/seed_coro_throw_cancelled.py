# Slides 3-9: throw CancelledError into a hand-driven coroutine; it handles it and
# returns, which surfaces as StopIteration.
import asyncio

async def f():
    try:
        while True:
            await asyncio.sleep(0)
    except asyncio.CancelledError:
        print("I was cancelled!")
    else:
        return 111

coro = f()
print(coro.send(None))
print(coro.send(None))
try:
    coro.throw(asyncio.CancelledError)
except StopIteration as e:
    print("StopIteration", repr(e.value))
