# conformance: stamp
# wait_for timeout: the inner awaitable is cancelled and awaited before TimeoutError.
import asyncio

async def stubborn(d):
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError:
        print("inner cancelled at", asyncio.get_running_loop().time(), "cleaning up 0.5 s")
        await asyncio.sleep(0.5)
        print("cleanup finished")
        raise

async def main():
    try:
        await asyncio.wait_for(stubborn(5), timeout=1)
    except asyncio.TimeoutError as e:
        print("TimeoutError", repr(e), "at", asyncio.get_running_loop().time())
    print(asyncio.TimeoutError is TimeoutError)
    try:
        await asyncio.wait_for(asyncio.sleep(1), timeout=0)
    except TimeoutError:
        print("timeout=0 on a pending awaitable times out at", asyncio.get_running_loop().time())
    print(await asyncio.wait_for(asyncio.sleep(0, "ready"), timeout=0) if False else "skipped")

asyncio.run(main())
