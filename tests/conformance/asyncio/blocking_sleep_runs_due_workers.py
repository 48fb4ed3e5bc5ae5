# conformance: stamp
# A blocking time.sleep on the loop thread lets workers due meanwhile run at their times.
import asyncio
import time

def worker(name, d):
    time.sleep(d)
    print(name, "worker done at", time.monotonic())
    return name

async def main():
    loop = asyncio.get_running_loop()
    futs = [loop.run_in_executor(None, worker, "w1", 0.5),
            loop.run_in_executor(None, worker, "w2", 1.5),
            loop.run_in_executor(None, worker, "w3", 5)]
    print("loop blocks for 2 s at", time.monotonic())
    time.sleep(2)
    print("loop unblocked at", time.monotonic(), [f.done() for f in futs])
    await asyncio.sleep(0)
    print("one iteration later", [f.done() for f in futs])
    print(await asyncio.gather(*futs), time.monotonic())

asyncio.run(main())
