# conformance: stamp
# A timeout and a completion due at the same instant: timers scheduled first fire first.
import asyncio

async def job(d, name):
    await asyncio.sleep(d)
    print(name, "finished at", asyncio.get_running_loop().time())
    return name

async def main():
    for d, timeout in [(1, 1), (2, 1.999), (1.5, 1.5000001)]:
        try:
            r = await asyncio.wait_for(job(d, f"job{d}"), timeout=timeout)
            print("result", r)
        except asyncio.TimeoutError:
            print("timed out", d, timeout, "at", asyncio.get_running_loop().time())
    task = asyncio.create_task(job(1, "pre-started"))
    try:
        print(await asyncio.wait_for(task, timeout=1))
    except asyncio.TimeoutError:
        print("pre-started task timed out; cancelled =", task.cancelled())

asyncio.run(main())
