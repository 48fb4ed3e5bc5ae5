import asyncio


async def child():
    print("never printed")


async def main():
    t = asyncio.create_task(child())
    t.cancel()
    print("cancel requested, done:", t.done())
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled:", t.cancelled())


asyncio.run(main())
