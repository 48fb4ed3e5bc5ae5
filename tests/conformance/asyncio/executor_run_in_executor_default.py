# conformance: stamp
# run_in_executor(None, f, *args): the worker starts at once and runs in parallel with
# the loop; results arrive through call_soon_threadsafe.
import asyncio
import threading
import time

def blocking(name, d):
    print(name, "starts on", threading.current_thread().name, "at", time.monotonic())
    time.sleep(d)
    print(name, "ends at", time.monotonic())
    return name.upper()

async def ticker():
    for i in range(4):
        print("tick", i)
        await asyncio.sleep(0.75)

async def main():
    loop = asyncio.get_running_loop()
    f1 = loop.run_in_executor(None, blocking, "a", 2)
    f2 = loop.run_in_executor(None, blocking, "b", 1)
    print("submitted; f1 done?", f1.done())
    results = await asyncio.gather(f1, f2, ticker())
    print(results, "at", loop.time())
    f3 = loop.run_in_executor(None, blocking, "c", 0.5)
    print(await f3, "reused thread names above")

asyncio.run(main())
