# conformance: stamp
# Async generator methods: asend, athrow, aclose, and StopAsyncIteration.
import asyncio

async def accumulator():
    total = 0
    try:
        while True:
            try:
                value = yield total
            except ValueError as e:
                print("  generator got", repr(e))
                value = 0
            await asyncio.sleep(0.5)
            total += value or 0
    finally:
        print("  accumulator finally at", asyncio.get_running_loop().time())

async def main():
    agen = accumulator()
    print(await agen.asend(None))
    print(await agen.asend(5))
    print(await agen.asend(10))
    print(await agen.athrow(ValueError("bad")))
    await agen.aclose()
    try:
        await agen.asend(1)
    except StopAsyncIteration:
        print("StopAsyncIteration after aclose")
    print(type(agen).__name__, agen.__name__)

asyncio.run(main())
