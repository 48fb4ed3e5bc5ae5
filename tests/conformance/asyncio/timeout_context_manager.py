# conformance: stamp
# asyncio.timeout: expiry cancels the block and raises TimeoutError; reschedule; None.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(1) as cm:
            print("deadline", cm.when())
            await asyncio.sleep(5)
    except TimeoutError:
        print("timed out at", loop.time(), "expired:", cm.expired())
    async with asyncio.timeout(2) as cm:
        await asyncio.sleep(1)
        print("finished inside the deadline; expired:", cm.expired())
    try:
        async with asyncio.timeout(None) as cm:
            print("no deadline:", cm.when())
            cm.reschedule(loop.time() + 0.5)
            print("rescheduled to", cm.when())
            await asyncio.sleep(2)
    except TimeoutError:
        print("rescheduled timeout fired at", loop.time())
    try:
        async with asyncio.timeout(1):
            try:
                await asyncio.sleep(3)
            except asyncio.CancelledError:
                print("inner sees CancelledError")
                raise
    except TimeoutError as e:
        print("outer sees", type(e).__name__, "context:", type(e.__context__).__name__)

asyncio.run(main())
