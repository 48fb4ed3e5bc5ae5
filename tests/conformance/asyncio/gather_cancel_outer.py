# conformance: stamp
# Cancelling the gather future (or the task awaiting it) cancels every child.
import asyncio

async def child(name, d):
    try:
        await asyncio.sleep(d)
        print(name, "completed")
    except asyncio.CancelledError:
        print(name, "cancelled at", asyncio.get_running_loop().time())
        raise

async def main():
    g = asyncio.gather(child("a", 1), child("b", 5), child("c", 6))
    asyncio.get_running_loop().call_later(2, g.cancel)
    try:
        await g
    except asyncio.CancelledError:
        print("gather cancelled; g.cancelled() =", g.cancelled())

    async def waiter():
        await asyncio.gather(child("x", 3), child("y", 4))
    w = asyncio.create_task(waiter())
    await asyncio.sleep(1)
    w.cancel()
    try:
        await w
    except asyncio.CancelledError:
        print("waiter cancelled at", asyncio.get_running_loop().time())

asyncio.run(main())
