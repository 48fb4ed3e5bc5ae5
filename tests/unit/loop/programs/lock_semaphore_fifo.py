import asyncio


async def user(lock, name):
    async with lock:
        print(name, "acquired")
        await asyncio.sleep(1)
    print(name, "released")


async def late(lock):
    await asyncio.sleep(1)
    print("late tries")
    async with lock:
        print("late acquired")


async def sem_user(sem, name):
    async with sem:
        print(name, "in")
        await asyncio.sleep(1)
    print(name, "out")


async def main():
    lock = asyncio.Lock()
    await asyncio.gather(*(user(lock, n) for n in "abc"), late(lock))
    sem = asyncio.Semaphore(2)
    await asyncio.gather(*(sem_user(sem, n) for n in "vwxyz"))


asyncio.run(main())
