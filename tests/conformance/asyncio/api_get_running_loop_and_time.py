# conformance: stamp
# get_running_loop().time() follows the virtual clock; loop.time() vs time.monotonic().
import asyncio
import time

async def main():
    loop = asyncio.get_running_loop()
    print("start", loop.time(), time.monotonic())
    await asyncio.sleep(1.25)
    print("after 1.25", loop.time())
    await asyncio.sleep(0.1)
    await asyncio.sleep(0.2)
    print("sum of sleeps", loop.time(), loop.time() == time.monotonic())
    print("is_running", loop.is_running(), "closed", loop.is_closed(), "debug", loop.get_debug())

asyncio.run(main())
