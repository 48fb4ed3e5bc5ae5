# conformance: stamp
# Cancelling a task inside wait_for cancels the inner awaitable as well.
import asyncio

async def inner():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("inner cancelled at", asyncio.get_running_loop().time())
        raise

async def outer():
    try:
        await asyncio.wait_for(inner(), timeout=5)
    except asyncio.CancelledError:
        print("outer cancelled (not a timeout)")
        raise

async def main():
    t = asyncio.create_task(outer())
    await asyncio.sleep(2)
    t.cancel()
    r = await asyncio.gather(t, return_exceptions=True)
    print(type(r[0]).__name__)

asyncio.run(main())
