import asyncio


async def holder(lock):
    async with lock:
        print("holder has lock")
        await asyncio.sleep(2)
    print("holder released")


async def contender(lock, name):
    try:
        async with lock:
            print(name, "has lock")
    except asyncio.CancelledError:
        print(name, "cancelled while waiting")
        raise


async def main():
    lock = asyncio.Lock()
    h = asyncio.create_task(holder(lock))
    a = asyncio.create_task(contender(lock, "a"))
    b = asyncio.create_task(contender(lock, "b"))
    await asyncio.sleep(1)
    a.cancel()
    await asyncio.gather(h, a, b, return_exceptions=True)
    print("locked at end:", lock.locked())


asyncio.run(main())
