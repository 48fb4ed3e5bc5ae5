# conformance: stamp
# Condition: notify(n) and notify_all wake waiters in order; wait_for with a predicate.
import asyncio

async def consumer(cond, name, items):
    async with cond:
        print(name, "waiting")
        await cond.wait()
        print(name, "notified at", asyncio.get_running_loop().time(), "items", items)

async def main():
    cond = asyncio.Condition()
    items = []
    tasks = [asyncio.create_task(consumer(cond, f"c{i}", items)) for i in range(4)]
    await asyncio.sleep(1)
    async with cond:
        items.append("x")
        cond.notify(2)
    await asyncio.sleep(1)
    async with cond:
        cond.notify_all()
    await asyncio.gather(*tasks)
    async def ready_when_three():
        async with cond:
            await cond.wait_for(lambda: len(items) >= 3)
            print("predicate true with", items)
    t = asyncio.create_task(ready_when_three())
    for v in "yz":
        await asyncio.sleep(0.5)
        async with cond:
            items.append(v)
            cond.notify_all()
    await t
    try:
        cond.notify()
    except RuntimeError as e:
        print("RuntimeError:", e)

asyncio.run(main())
