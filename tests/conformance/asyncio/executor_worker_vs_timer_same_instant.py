# conformance: stamp
# A worker waking at t runs before the loop's timers due at t; its result lands in the
# same loop iteration as those timers.
import asyncio
import time

def job(d):
    time.sleep(d)
    print("worker woke at", time.monotonic())
    return d

async def sleeper(d):
    await asyncio.sleep(d)
    print("sleeper woke at", asyncio.get_running_loop().time())

async def main():
    loop = asyncio.get_running_loop()
    loop.call_later(1, print, "timer callback at 1")
    fut = loop.run_in_executor(None, job, 1)
    s = asyncio.create_task(sleeper(1))
    r = await fut
    print("executor result", r)
    await s
    t1 = asyncio.create_task(sleeper(2))
    f2 = asyncio.to_thread(job, 1)
    print(await asyncio.gather(f2, t1))

asyncio.run(main())
