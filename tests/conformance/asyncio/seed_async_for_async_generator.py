# conformance: stamp
# Slides: async for over an async generator of "grains".
import asyncio

async def get_grains(count):
    for i in range(count):
        await asyncio.sleep(0.25)
        yield {"grain": i, "bytes": 100 * i}

async def main():
    total = 0
    async for grain in get_grains(5):
        print("grain", grain)
        total += grain["bytes"]
    print("total bytes", total)
    evens = [g["grain"] async for g in get_grains(4) if g["grain"] % 2 == 0]
    print("evens", evens)

asyncio.run(main())
