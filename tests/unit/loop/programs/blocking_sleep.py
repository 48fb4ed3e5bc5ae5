import asyncio
import time


async def ticker():
    for i in range(3):
        await asyncio.sleep(1)
        print("tick", i)


async def blocker():
    await asyncio.sleep(0.5)
    print("blocking")
    time.sleep(2)
    print("unblocked")


async def main():
    await asyncio.gather(ticker(), blocker())


asyncio.run(main())
