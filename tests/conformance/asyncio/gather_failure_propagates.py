# conformance: stamp
# gather without return_exceptions: the first exception propagates at once; the other
# children keep running (they are not cancelled).
import asyncio

async def ok(name, d):
    await asyncio.sleep(d)
    print("ok finished", name)
    return name

async def bad(d):
    await asyncio.sleep(d)
    raise ValueError(f"bad after {d}")

async def main():
    try:
        await asyncio.gather(ok("a", 1), bad(2), ok("b", 3), bad(4))
    except ValueError as e:
        print("gather raised", e, "at", asyncio.get_running_loop().time())
    await asyncio.sleep(3)
    print("children kept running until", asyncio.get_running_loop().time())

asyncio.run(main())
