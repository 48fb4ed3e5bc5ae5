# conformance: stamp
# A class implementing __aiter__/__anext__; StopAsyncIteration ends async for.
import asyncio

class Countdown:
    def __init__(self, start, delay):
        self.n = start
        self.delay = delay
    def __aiter__(self):
        print("  __aiter__")
        return self
    async def __anext__(self):
        if self.n <= 0:
            raise StopAsyncIteration
        await asyncio.sleep(self.delay)
        self.n -= 1
        return self.n + 1

async def main():
    async for x in Countdown(3, 0.5):
        print("countdown", x)
    else:
        print("async for else branch")
    it = Countdown(2, 1).__aiter__()
    print(await it.__anext__(), await anext(it), await anext(it, "default"))
    try:
        await anext(it)
    except StopAsyncIteration:
        print("StopAsyncIteration")
    async for x in Countdown(5, 0.1):
        if x == 3:
            continue
        if x == 2:
            break
        print("x", x)

asyncio.run(main())
