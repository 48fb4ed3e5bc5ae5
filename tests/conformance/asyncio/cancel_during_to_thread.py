# conformance: stamp
# Cancelling a task awaiting to_thread: the await ends at once, the worker thread runs on.
import asyncio
import time

def blocking_job():
    print("worker starts at", time.monotonic())
    time.sleep(3)
    print("worker finishes at", time.monotonic())
    return "job result"

async def main():
    t = asyncio.create_task(asyncio.to_thread(blocking_job))
    await asyncio.sleep(1)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("awaiting task cancelled at", asyncio.get_running_loop().time())
    await asyncio.sleep(3)
    print("main done at", asyncio.get_running_loop().time())

asyncio.run(main())
