# conformance: stamp
# run_in_executor with an explicit ThreadPoolExecutor(max_workers=2): jobs queue up.
import asyncio
import concurrent.futures
import threading
import time

def job(i):
    print("job", i, "on", threading.current_thread().name, "at", time.monotonic())
    time.sleep(1)
    return i

async def main():
    loop = asyncio.get_running_loop()
    with concurrent.futures.ThreadPoolExecutor(max_workers=2, thread_name_prefix="pool") as pool:
        futs = [loop.run_in_executor(pool, job, i) for i in range(5)]
        for coro in asyncio.as_completed(futs):
            print("finished", await coro, "at", loop.time())
    print("pool shut down at", loop.time())

asyncio.run(main())
