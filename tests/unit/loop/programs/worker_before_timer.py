import asyncio
import time


def job():
    print("worker starts")
    time.sleep(1)
    print("worker wakes")
    return "w"


async def timer_task():
    await asyncio.sleep(1)
    print("timer task wakes")


async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(timer_task())
    r = await loop.run_in_executor(None, job)
    print("executor result", r)
    await t


asyncio.run(main())
