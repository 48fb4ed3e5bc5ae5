# conformance: stamp
# A task cancelled before it ever ran never executes its body.
import asyncio

async def body():
    print("body runs (should not)")

async def main():
    t = asyncio.create_task(body())
    t.cancel()
    print("cancelled before start; done?", t.done())
    await asyncio.sleep(0)
    print("after one iteration; cancelled?", t.cancelled())
    try:
        await t
    except asyncio.CancelledError:
        print("await raises CancelledError")

asyncio.run(main())
