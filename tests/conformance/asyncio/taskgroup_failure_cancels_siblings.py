# conformance: stamp
# A failing child cancels its siblings (in creation order) and the body; except* catches.
import asyncio

async def worker(name, d):
    try:
        await asyncio.sleep(d)
        print(name, "finished")
    except asyncio.CancelledError:
        print(name, "cancelled at", asyncio.get_running_loop().time())
        raise

async def failing(d, exc):
    await asyncio.sleep(d)
    print("raising", repr(exc))
    raise exc

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            for i in range(5):
                tg.create_task(worker(f"w{i}", 10 - i))
            tg.create_task(failing(2, ValueError("bad value")))
            tg.create_task(worker("quick", 1))
            await asyncio.sleep(5)
            print("body not reached")
    except* ValueError as eg:
        print("caught", eg.exceptions, "at", asyncio.get_running_loop().time())

asyncio.run(main())
