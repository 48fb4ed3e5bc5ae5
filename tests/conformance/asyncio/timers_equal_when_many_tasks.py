# conformance: stamp
# Hundreds of tasks sleeping the same delay wake in creation order (timer sequence ties).
import asyncio

async def sleeper(i, order):
    await asyncio.sleep(1)
    order.append(i)
    await asyncio.sleep(0.5)
    order.append(-i)

async def main():
    order = []
    await asyncio.gather(*(sleeper(i, order) for i in range(300)))
    print(order[:10], order[300:310])
    print(order[:300] == list(range(300)), order[300:] == [-i for i in range(300)])

asyncio.run(main())
