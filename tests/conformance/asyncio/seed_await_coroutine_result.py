# conformance: stamp
# Slides 3-7: awaiting a coroutine gives its return value after its sleep.
import asyncio

async def f():
    await asyncio.sleep(1.0)
    return 123

async def main():
    result = await f()
    print("result", result)
    return result

print("main returned", asyncio.run(main()))
