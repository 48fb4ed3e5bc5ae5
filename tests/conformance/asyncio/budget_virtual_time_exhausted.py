# conformance: stamp
# A program that would run for more than 3600 virtual seconds stops with exit 4.
import asyncio

async def tick():
    n = 0
    while True:
        await asyncio.sleep(600)
        n += 1
        print("tick", n)

asyncio.run(tick())
