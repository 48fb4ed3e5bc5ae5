# A producer puts 50,000 items through a bounded asyncio.Queue to 4 workers, which
# pass their results on through a second queue to a collector.
import asyncio

ITEMS = 50_000
WORKERS = 4


async def producer(q):
    for i in range(ITEMS):
        await q.put(i)
    for _ in range(WORKERS):
        await q.put(None)


async def worker(wid, q, out):
    handled = 0
    while True:
        item = await q.get()
        q.task_done()
        if item is None:
            break
        if item % 1000 == 0:
            await asyncio.sleep(0.01)
        handled += 1
        await out.put(item * 2)
    await out.put(None)
    return handled


async def collector(out):
    finished = 0
    total = 0
    count = 0
    while finished < WORKERS:
        v = await out.get()
        if v is None:
            finished += 1
        else:
            total += v
            count += 1
    return count, total


async def main():
    q = asyncio.Queue(maxsize=100)
    out = asyncio.Queue()
    workers = [asyncio.create_task(worker(w, q, out)) for w in range(WORKERS)]
    col = asyncio.create_task(collector(out))
    await producer(q)
    await q.join()
    handled = [await w for w in workers]
    count, total = await col
    print("handled per worker:", handled)
    print("items:", count, "total:", total)
    print("virtual time: %.3f" % asyncio.get_running_loop().time())


asyncio.run(main())
