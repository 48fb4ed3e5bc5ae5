# conformance: stamp
# Cancelling a task blocked in queue.get / queue.put; the queue stays consistent.
import asyncio

async def getter(q, name):
    try:
        item = await q.get()
        print(name, "got", item)
    except asyncio.CancelledError:
        print(name, "cancelled while waiting in get")
        raise

async def main():
    q = asyncio.Queue(maxsize=1)
    g1 = asyncio.create_task(getter(q, "g1"))
    g2 = asyncio.create_task(getter(q, "g2"))
    await asyncio.sleep(1)
    g1.cancel()
    await asyncio.sleep(0)
    q.put_nowait("only item")
    await asyncio.sleep(0.1)
    print("g1 cancelled:", g1.cancelled(), "g2 done:", g2.done())
    q.put_nowait("fill")
    p = asyncio.create_task(q.put("blocked"))
    await asyncio.sleep(1)
    p.cancel()
    await asyncio.sleep(0)
    print("put cancelled:", p.cancelled(), "qsize", q.qsize(), q.get_nowait())

asyncio.run(main())
