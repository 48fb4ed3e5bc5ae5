# A task re-acquiring a Lock it already holds waits forever: deadlock.
import asyncio

async def main():
    lock = asyncio.Lock()
    async with lock:
        print("holding the lock; acquiring again")
        async with lock:
            print("never printed")

asyncio.run(main())
