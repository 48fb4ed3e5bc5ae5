# conformance: stamp
# A Condition built on an explicit Lock; the lock is re-acquired before wait() returns.
import asyncio

async def main():
    lock = asyncio.Lock()
    cond = asyncio.Condition(lock)
    state = {"ready": False}
    async def waiter():
        async with cond:
            while not state["ready"]:
                await cond.wait()
            print("waiter proceeds; lock held:", lock.locked())
    t = asyncio.create_task(waiter())
    await asyncio.sleep(1)
    async with lock:
        state["ready"] = True
        cond.notify()
        print("notified while holding the lock")
        await asyncio.sleep(1)
        print("still holding at", asyncio.get_running_loop().time())
    await t
    print("done at", asyncio.get_running_loop().time())

asyncio.run(main())
