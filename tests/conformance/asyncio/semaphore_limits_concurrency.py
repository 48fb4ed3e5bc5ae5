# conformance: stamp
# Semaphore(2): at most two holders; order of entry follows waiting order.
import asyncio

async def download(sem, i):
    async with sem:
        print("start", i, "at", asyncio.get_running_loop().time())
        await asyncio.sleep(1 + i % 2)
        print("end", i)

async def main():
    sem = asyncio.Semaphore(2)
    print("locked?", sem.locked())
    await asyncio.gather(*(download(sem, i) for i in range(6)))
    print("locked?", sem.locked())
    await sem.acquire()
    await sem.acquire()
    print("locked after two acquires?", sem.locked())
    sem.release()
    sem.release()
    sem.release()
    print("plain Semaphore allows extra release; locked?", sem.locked())
    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        print("ValueError:", e)

asyncio.run(main())
