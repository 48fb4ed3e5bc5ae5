# conformance: stamp
# Consumers wait on an empty queue after the producer stopped: deadlock.
import asyncio

async def consumer(q, name):
    while True:
        item = await q.get()
        print(name, "consumed", item)

async def main():
    q = asyncio.Queue()
    for i in range(3):
        q.put_nowait(i)
    await asyncio.gather(consumer(q, "c1"), consumer(q, "c2"))

asyncio.run(main())
