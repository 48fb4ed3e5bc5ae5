# conformance: stamp
# Random delays (seeded 0 by default) decide the completion order of tasks.
import asyncio
import random

async def worker(i):
    delay = round(random.uniform(0.1, 2.0), 3)
    print(f"worker {i} sleeps {delay}")
    await asyncio.sleep(delay)
    print(f"worker {i} done")
    return delay

async def main():
    results = await asyncio.gather(*(worker(i) for i in range(6)))
    print(sorted(results))
    random.seed(42)
    print([random.randint(1, 10) for _ in range(5)])

asyncio.run(main())
