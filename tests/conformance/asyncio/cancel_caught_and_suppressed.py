# conformance: stamp
# A task that catches CancelledError and returns normally is not cancelled; uncancel().
import asyncio

async def resilient():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print("caught cancellation, cancelling() =", asyncio.current_task().cancelling())
        asyncio.current_task().uncancel()
        await asyncio.sleep(1)
        return "recovered"

async def main():
    t = asyncio.create_task(resilient())
    await asyncio.sleep(1)
    t.cancel()
    print(await t, "cancelled?", t.cancelled(), "at", asyncio.get_running_loop().time())

asyncio.run(main())
