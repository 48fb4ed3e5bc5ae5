# conformance: stamp
# time.sleep inside a coroutine blocks the whole loop; asyncio.sleep does not.
import asyncio
import time

async def heartbeat():
    for i in range(5):
        print("heartbeat", i, "at", time.monotonic())
        await asyncio.sleep(0.5)

async def bad_worker():
    print("bad worker blocks for 2 s")
    time.sleep(2)
    print("bad worker unblocked")

async def good_worker():
    print("good worker waits 2 s")
    await asyncio.sleep(2)
    print("good worker done")

async def main():
    await asyncio.gather(heartbeat(), bad_worker())
    print("---")
    await asyncio.gather(heartbeat(), good_worker())

asyncio.run(main())
