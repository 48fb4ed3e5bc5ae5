# conformance: stamp
# Cancelling a task blocked in Event.wait.
import asyncio

async def waiter(ev):
    try:
        await ev.wait()
        print("woke")
    except asyncio.CancelledError:
        print("cancelled while waiting for the event at", asyncio.get_running_loop().time())
        raise

async def main():
    ev = asyncio.Event()
    t = asyncio.create_task(waiter(ev))
    await asyncio.sleep(1.5)
    t.cancel()
    await asyncio.sleep(0)
    ev.set()
    try:
        await t
    except asyncio.CancelledError:
        print("task cancelled:", t.cancelled())

asyncio.run(main())
