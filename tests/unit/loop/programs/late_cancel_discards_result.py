import asyncio


async def selfish():
    asyncio.current_task().cancel()
    print("selfish returns 42")
    return 42


async def main():
    t = asyncio.create_task(selfish())
    try:
        print(await t)
    except asyncio.CancelledError:
        print("result discarded, cancelled:", t.cancelled())


asyncio.run(main())
