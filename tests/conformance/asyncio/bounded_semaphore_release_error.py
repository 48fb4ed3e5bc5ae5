# conformance: stamp
# BoundedSemaphore: releasing more than acquired raises ValueError; hand-over order.
import asyncio

async def user(sem, name):
    async with sem:
        print(name, "in at", asyncio.get_running_loop().time())
        await asyncio.sleep(1)
    print(name, "out")

async def main():
    sem = asyncio.BoundedSemaphore(1)
    await asyncio.gather(user(sem, "a"), user(sem, "b"), user(sem, "c"))
    try:
        sem.release()
    except ValueError as e:
        print("ValueError:", e)
    print(isinstance(sem, asyncio.Semaphore))

asyncio.run(main())
