# conformance: stamp
# Async comprehensions: async for in list/set/dict comprehensions, await in comprehensions.
import asyncio

async def numbers(n):
    for i in range(n):
        await asyncio.sleep(0.1)
        yield i

async def square(x):
    await asyncio.sleep(0.2)
    return x * x

async def main():
    print([i async for i in numbers(5)])
    print({i % 3 async for i in numbers(7)})
    print({i: str(i) async for i in numbers(3) if i})
    print([await square(i) for i in range(3)])
    print([await square(i) async for i in numbers(3)])
    gen = (i * 10 async for i in numbers(3))
    print(type(gen).__name__, [x async for x in gen])
    print(asyncio.get_running_loop().time())

asyncio.run(main())
