# conformance: stamp
# TaskGroup waits for every child; results via the tasks; children can spawn siblings.
import asyncio

async def job(name, d):
    await asyncio.sleep(d)
    print(name, "done at", asyncio.get_running_loop().time())
    return name.upper()

async def main():
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(job("one", 2))
        t2 = tg.create_task(job("two", 1), name="second")
        async def spawner():
            await asyncio.sleep(0.5)
            tg.create_task(job("late", 2))
        tg.create_task(spawner())
        print("body finished at", asyncio.get_running_loop().time())
    print("group exited at", asyncio.get_running_loop().time(), t1.result(), t2.result(), t2.get_name())

asyncio.run(main())
