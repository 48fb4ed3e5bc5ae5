import asyncio


async def child():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("child cancelled")
        raise


async def main():
    t = asyncio.create_task(child())
    await asyncio.sleep(1)
    t.cancel("stop")
    try:
        await t
    except asyncio.CancelledError as e:
        print("main sees", str(e))
    print("cancelled:", t.cancelled())


asyncio.run(main())
