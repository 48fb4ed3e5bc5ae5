# conformance: stamp
# asyncio.run waits for the default executor's running jobs before returning.
import asyncio
import time

def slow():
    time.sleep(3)
    print("slow job finished at", time.monotonic())

async def main():
    asyncio.get_running_loop().run_in_executor(None, slow)
    await asyncio.sleep(1)
    print("main returns at", time.monotonic())

asyncio.run(main())
print("asyncio.run returned at", time.monotonic())
