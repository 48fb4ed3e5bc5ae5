# conformance: stamp
# Cancelling the task that runs a TaskGroup cancels the children; CancelledError escapes.
import asyncio

async def child(i):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("child", i, "cancelled at", asyncio.get_running_loop().time())
        raise

async def runner():
    try:
        async with asyncio.TaskGroup() as tg:
            for i in range(3):
                tg.create_task(child(i))
    except asyncio.CancelledError:
        print("runner sees CancelledError")
        raise

async def main():
    t = asyncio.create_task(runner())
    await asyncio.sleep(2)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("runner cancelled:", t.cancelled())

asyncio.run(main())
