import asyncio


async def child():
    print("child runs")


async def ticker(n):
    for i in range(n):
        print("tick", i)
        await asyncio.sleep(0)


async def main():
    tk = asyncio.create_task(ticker(10))
    t = asyncio.create_task(child())
    print("created")
    await asyncio.sleep(0)
    print("after one yield")
    await asyncio.gather(child(), child())
    print("gather returned")
    await t
    t2 = asyncio.create_task(child())
    await t2
    print("await task returned")
    await tk


asyncio.run(main())
