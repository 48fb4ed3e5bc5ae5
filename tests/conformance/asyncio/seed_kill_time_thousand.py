# conformance: stamp
# Video: a thousand coroutines each sleep one second; gather runs them all at once.
import asyncio

async def kill_time(num):
    print("Running:", num)
    await asyncio.sleep(1)
    print("Finished:", num)

async def main():
    print("Started")
    list_of_tasks = []
    for i in range(1, 1000 + 1):
        list_of_tasks.append(kill_time(i))
    await asyncio.sleep(2)
    await asyncio.gather(*list_of_tasks)
    print("Done")

asyncio.run(main())
