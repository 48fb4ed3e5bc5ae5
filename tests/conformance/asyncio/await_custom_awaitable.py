# conformance: stamp
# Objects with __await__: a generator-based awaitable, one delegating to a future, one
# returning a coroutine's awaiter; errors for non-awaitables.
import asyncio

class Delay:
    def __init__(self, d, value):
        self.d = d
        self.value = value
    def __await__(self):
        yield from asyncio.sleep(self.d).__await__()
        return self.value

class FutureBacked:
    def __await__(self):
        loop = asyncio.get_running_loop()
        fut = loop.create_future()
        loop.call_later(1, fut.set_result, "from future")
        return fut.__await__()

class BadAwait:
    def __await__(self):
        return 42

async def main():
    print(await Delay(1, "delayed"), asyncio.get_running_loop().time())
    print(await FutureBacked(), asyncio.get_running_loop().time())
    print(await asyncio.gather(Delay(0.5, "x"), Delay(0.25, "y")))
    try:
        await BadAwait()
    except TypeError as e:
        print("TypeError:", e)
    try:
        await 5
    except TypeError as e:
        print("TypeError:", e)
    t = asyncio.ensure_future(Delay(0.1, "wrapped in a task"))
    print(await t)

asyncio.run(main())
