import asyncio
import time


def job(name, naps):
    print(name, "starts")
    for d in naps:
        time.sleep(d)
        print(name, "woke")
    return name.upper()


async def sleeper(d):
    await asyncio.sleep(d)
    print("sleeper", d)


async def main():
    loop = asyncio.get_running_loop()
    s = asyncio.create_task(sleeper(1.5))
    a = loop.run_in_executor(None, job, "a", [1, 1])
    b = loop.run_in_executor(None, job, "b", [2])
    print(await a, await b)
    time.sleep(0.25)
    print("blocked")
    await s


asyncio.run(main())
