# PriorityQueue and LifoQueue ordering.
import asyncio

async def main():
    pq = asyncio.PriorityQueue()
    for item in [(3, "low"), (1, "high"), (2, "mid"), (1, "also high")]:
        await pq.put(item)
    print([await pq.get() for _ in range(pq.qsize())])
    lq = asyncio.LifoQueue()
    for i in range(4):
        lq.put_nowait(i)
    print([lq.get_nowait() for _ in range(4)])
    fq = asyncio.Queue()
    for i in range(4):
        fq.put_nowait(i)
    print([fq.get_nowait() for _ in range(4)])

asyncio.run(main())
