# asyncio.gather over 1,000 coroutines, repeated 20 times, with a nested gather and
# results collected in order.
import asyncio

N = 1000
ROUNDS = 20


async def job(r, i):
    await asyncio.sleep((i % 10) * 0.01)
    if i % 100 == 0:
        parts = await asyncio.gather(asyncio.sleep(0.001, i), asyncio.sleep(0, r))
        return sum(parts)
    return i * r


async def main():
    loop = asyncio.get_running_loop()
    grand = 0
    for r in range(ROUNDS):
        results = await asyncio.gather(*(job(r, i) for i in range(N)))
        grand += sum(results)
        if r % 5 == 0:
            print("round", r, "first", results[:3], "last", results[-1])
    print("grand total:", grand)
    print("virtual time: %.3f" % loop.time())


asyncio.run(main())
