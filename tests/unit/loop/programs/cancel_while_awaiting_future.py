import asyncio


async def child(fut):
    try:
        await fut
    except asyncio.CancelledError:
        print("child cancelled; future cancelled:", fut.cancelled())
        raise


async def main():
    fut = asyncio.get_running_loop().create_future()
    t = asyncio.create_task(child(fut))
    await asyncio.sleep(0)
    t.cancel()
    await asyncio.sleep(0)
    print("task done:", t.done())
    try:
        await t
    except asyncio.CancelledError:
        print("main: child cancelled")


asyncio.run(main())
