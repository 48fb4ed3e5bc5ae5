# conformance: stamp
# wait_for returns the result when the awaitable beats the timeout; timeout=None waits.
import asyncio

async def job(d):
    await asyncio.sleep(d)
    return f"slept {d}"

async def main():
    print(await asyncio.wait_for(job(1), timeout=2))
    print(await asyncio.wait_for(job(3), timeout=None))
    fut = asyncio.get_running_loop().create_future()
    asyncio.get_running_loop().call_later(0.5, fut.set_result, "future value")
    print(await asyncio.wait_for(fut, 1))
    print(asyncio.get_running_loop().time())

asyncio.run(main())
