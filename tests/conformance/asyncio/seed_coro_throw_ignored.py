# Slides 3-10 (don't do this): a coroutine that swallows CancelledError and keeps going.
import asyncio

async def f():
    try:
        while True:
            await asyncio.sleep(0)
    except asyncio.CancelledError:
        print("Nope!")
        while True:
            await asyncio.sleep(0)
    else:
        return 111

coro = f()
coro.send(None)
coro.throw(asyncio.CancelledError)
print("still alive:", coro.send(None))
coro.close()
print("closed; cr_running:", coro.cr_running)
