# conformance: stamp
# Queue(maxsize): put blocks while full; getters and putters are served in FIFO order.
import asyncio

async def putter(q, name, items):
    for i in items:
        print(name, "putting", i)
        await q.put(i)
        print(name, "put", i, "qsize", q.qsize())

async def main():
    q = asyncio.Queue(maxsize=2)
    p1 = asyncio.create_task(putter(q, "p1", [1, 2, 3]))
    p2 = asyncio.create_task(putter(q, "p2", [10, 20]))
    await asyncio.sleep(1)
    print("full?", q.full(), q.qsize())
    for _ in range(5):
        print("got", await q.get())
        await asyncio.sleep(0.5)
    await asyncio.gather(p1, p2)
    print("empty?", q.empty())

asyncio.run(main())
