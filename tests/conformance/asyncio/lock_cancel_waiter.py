# conformance: stamp
# Cancelling a task waiting on a Lock: the next waiter gets it, nothing deadlocks.
import asyncio

async def holder(lock):
    async with lock:
        print("holder has the lock")
        await asyncio.sleep(2)
    print("holder released at", asyncio.get_running_loop().time())

async def waiter(lock, name):
    try:
        async with lock:
            print(name, "acquired at", asyncio.get_running_loop().time())
            await asyncio.sleep(0.5)
    except asyncio.CancelledError:
        print(name, "cancelled while waiting for the lock")
        raise

async def main():
    lock = asyncio.Lock()
    h = asyncio.create_task(holder(lock))
    await asyncio.sleep(0)
    w1 = asyncio.create_task(waiter(lock, "w1"))
    w2 = asyncio.create_task(waiter(lock, "w2"))
    await asyncio.sleep(1)
    w1.cancel()
    await asyncio.gather(h, w1, w2, return_exceptions=True)
    print("w1 cancelled:", w1.cancelled(), "lock free:", not lock.locked())

asyncio.run(main())
