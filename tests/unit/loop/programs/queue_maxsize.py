import asyncio


async def producer(q, name, n):
    for i in range(n):
        await q.put(name + str(i))
        print(name, "put", i)


async def consumer(q, n):
    for _ in range(n):
        item = await q.get()
        print("got", item)
        await asyncio.sleep(0.5)


async def main():
    q = asyncio.Queue(maxsize=2)
    await asyncio.gather(producer(q, "a", 3), producer(q, "b", 3), consumer(q, 6))


asyncio.run(main())
