# conformance: stamp
# Task A awaits task B; cancelling A cancels B (awaiting a task forwards cancellation).
import asyncio

async def b_body():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("B cancelled")
        raise

async def a_body(b):
    try:
        await b
    except asyncio.CancelledError:
        print("A cancelled; B cancelled?", b.cancelled())
        raise

async def main():
    b = asyncio.create_task(b_body(), name="B")
    a = asyncio.create_task(a_body(b), name="A")
    await asyncio.sleep(1)
    a.cancel()
    res = await asyncio.gather(a, b, return_exceptions=True)
    print([type(r).__name__ for r in res], a.cancelled(), b.cancelled())

asyncio.run(main())
