# 1,000 tasks yield to each other with sleep(0): pure ready-queue round-robin with no
# timers; the order of turns is recorded and checked.
import asyncio

TASKS = 1000
TURNS = 100


async def spinner(i, log):
    for turn in range(TURNS):
        if i % 250 == 0 and turn % 25 == 0:
            log.append((turn, i))
        await asyncio.sleep(0)
    return i


async def main():
    log = []
    tasks = [asyncio.create_task(spinner(i, log)) for i in range(TASKS)]
    results = await asyncio.gather(*tasks)
    print("tasks:", len(results), "sum:", sum(results))
    print("turn log:", log)
    print("virtual time: %.3f" % asyncio.get_running_loop().time())


asyncio.run(main())
