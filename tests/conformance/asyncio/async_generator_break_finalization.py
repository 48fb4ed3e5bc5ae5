# conformance: stamp
# Leaving an async for with break: the generator is finalised when dropped, its
# aclose() scheduled on the loop, so its finally prints one iteration later.
import asyncio

async def ticks(n):
    try:
        for i in range(n):
            await asyncio.sleep(0.5)
            yield i
    finally:
        print("  ticks finally")

async def other():
    for i in range(3):
        print("other step", i)
        await asyncio.sleep(0)

async def main():
    async def consume():
        async for i in ticks(10):
            print("got", i)
            if i == 2:
                break
        print("after break")
    await asyncio.gather(consume(), other())
    print("gather done")
    await asyncio.sleep(0)
    print("main done")

asyncio.run(main())
