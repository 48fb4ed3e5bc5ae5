# conformance: stamp
# Course page (gather.py): gather collects results in argument order, whatever the
# completion order.
import asyncio
import random

async def work(name, delay):
    print(f"{name} starting, will take {delay:.3f}")
    await asyncio.sleep(delay)
    print(f"{name} finished")
    return f"{name}:{delay:.3f}"

async def main():
    jobs = [work(f"job{i}", random.random() * 3) for i in range(6)]
    results = await asyncio.gather(*jobs)
    print("results in argument order:")
    for r in results:
        print(" ", r)

asyncio.run(main())
