import asyncio


async def worker(name, d):
    try:
        await asyncio.sleep(d)
        print(name, "finished")
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise


async def waiter():
    try:
        await asyncio.gather(worker("a", 1), worker("b", 5))
    except asyncio.CancelledError:
        print("waiter cancelled")
        raise


async def main():
    t = asyncio.create_task(waiter())
    await asyncio.sleep(2)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("main saw cancel")


asyncio.run(main())
