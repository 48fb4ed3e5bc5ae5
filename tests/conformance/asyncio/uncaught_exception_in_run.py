# conformance: stamp
# An exception escaping main() propagates out of asyncio.run: traceback, exit status 1.
import asyncio

async def step(n):
    await asyncio.sleep(0.5)
    if n == 3:
        raise LookupError(f"step {n} failed")
    print("step", n, "ok")

async def main():
    for n in range(5):
        await step(n)

asyncio.run(main())
