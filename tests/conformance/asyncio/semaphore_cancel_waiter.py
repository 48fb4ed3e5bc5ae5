# conformance: stamp
# A waiter cancelled while blocked on Semaphore.acquire does not consume a slot.
import asyncio

async def hold(sem, name, d):
    try:
        async with sem:
            print(name, "holding at", asyncio.get_running_loop().time())
            await asyncio.sleep(d)
        print(name, "released")
    except asyncio.CancelledError:
        print(name, "cancelled before acquiring")
        raise

async def main():
    sem = asyncio.Semaphore(1)
    a = asyncio.create_task(hold(sem, "a", 2))
    b = asyncio.create_task(hold(sem, "b", 1))
    c = asyncio.create_task(hold(sem, "c", 1))
    await asyncio.sleep(1)
    b.cancel()
    await asyncio.gather(a, b, c, return_exceptions=True)
    print("locked?", sem.locked())

asyncio.run(main())
