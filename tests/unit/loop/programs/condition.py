import asyncio


async def consumer(cond, name, items):
    async with cond:
        while not items:
            print(name, "waits")
            await cond.wait()
        print(name, "takes", items.pop(0))


async def main():
    cond = asyncio.Condition()
    items = []
    tasks = [asyncio.create_task(consumer(cond, n, items)) for n in "abc"]
    await asyncio.sleep(1)
    async with cond:
        items.extend([1, 2])
        cond.notify(2)
        print("notified 2")
    await asyncio.sleep(1)
    async with cond:
        items.append(3)
        cond.notify_all()
        print("notified all")
    await asyncio.gather(*tasks)


asyncio.run(main())
