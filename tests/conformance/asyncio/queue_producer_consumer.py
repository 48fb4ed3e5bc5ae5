# conformance: stamp
# Queue: producer/consumer with task_done and join.
import asyncio

async def producer(q, n):
    for i in range(n):
        await asyncio.sleep(0.5)
        await q.put(i)
        print("produced", i, "size", q.qsize())

async def consumer(q, name):
    while True:
        item = await q.get()
        print(name, "got", item)
        await asyncio.sleep(1.2)
        q.task_done()
        print(name, "finished", item)

async def main():
    q = asyncio.Queue()
    consumers = [asyncio.create_task(consumer(q, f"c{i}")) for i in range(2)]
    await producer(q, 6)
    await q.join()
    print("all items processed at", asyncio.get_running_loop().time())
    for c in consumers:
        c.cancel()
    print(q.empty(), q.full(), q.maxsize)

asyncio.run(main())
