# conformance: stamp
# sleep(delay, result): returns result; sleep(0) yields exactly one iteration; negative delays.
import asyncio

async def chatter(name, n):
    for i in range(n):
        print(name, i)
        await asyncio.sleep(0)

async def main():
    print(await asyncio.sleep(1, result="payload"))
    print(await asyncio.sleep(0, "zero"))
    print(await asyncio.sleep(-5, "negative delay returns at once"))
    await asyncio.gather(chatter("A", 3), chatter("B", 3), chatter("C", 2))
    print(await asyncio.sleep(0.001, result=[1, 2]))

asyncio.run(main())
