# conformance: stamp
# The pre-asyncio.run style: ensure_future on the current loop, stop from a task.
import asyncio

async def worker(name, n):
    for i in range(n):
        print(name, i)
        await asyncio.sleep(0.3)
    return name

async def supervisor(tasks):
    results = await asyncio.gather(*tasks)
    print("supervisor collected", results)
    asyncio.get_running_loop().stop()

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
tasks = [asyncio.ensure_future(worker(n, k)) for n, k in [("a", 2), ("b", 3)]]
asyncio.ensure_future(supervisor(tasks))
loop.run_forever()
print("stopped at", loop.time())
loop.close()
