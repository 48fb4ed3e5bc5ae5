import asyncio


async def stuck(fut):
    await fut


async def main():
    fut = asyncio.get_running_loop().create_future()
    t = asyncio.create_task(stuck(fut), name="worker")
    print("waiting")
    await t


asyncio.run(main())
