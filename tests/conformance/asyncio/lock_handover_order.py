# conformance: stamp
# Lock: waiters acquire in FIFO order; locked(); async with releases on error.
import asyncio

async def worker(lock, name, hold):
    print(name, "waiting")
    async with lock:
        print(name, "acquired at", asyncio.get_running_loop().time())
        await asyncio.sleep(hold)
        print(name, "releasing")

async def main():
    lock = asyncio.Lock()
    print("locked?", lock.locked())
    await asyncio.gather(*(worker(lock, f"w{i}", 1) for i in range(4)))
    try:
        async with lock:
            raise ValueError("inside lock")
    except ValueError:
        print("released after error:", not lock.locked())
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError:", e)
    print(await lock.acquire(), lock.locked())
    lock.release()

asyncio.run(main())
