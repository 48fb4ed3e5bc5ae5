# 20,000 tasks, each sleeping 10 times with staggered delays: the timer heap, task
# steps and sleep wake-ups dominate.
import asyncio

TASKS = 20_000
SLEEPS = 10


async def sleeper(i):
    total = 0
    for k in range(SLEEPS):
        await asyncio.sleep((i % 7 + k) * 0.001)
        total += k
    return total


async def main():
    loop = asyncio.get_running_loop()
    tasks = [asyncio.create_task(sleeper(i)) for i in range(TASKS)]
    for t in tasks:
        await t
    print("tasks:", len(tasks), "sum:", sum(t.result() for t in tasks))
    print("virtual time: %.3f" % loop.time())


asyncio.run(main())
