# conformance: stamp
# gather(return_exceptions=True) returns exceptions as values, including cancellations.
import asyncio

async def value(v, d):
    await asyncio.sleep(d)
    return v

async def boom(d):
    await asyncio.sleep(d)
    raise KeyError("boom")

async def main():
    victim = asyncio.create_task(value("never", 10))
    asyncio.get_running_loop().call_later(1, victim.cancel)
    results = await asyncio.gather(value(1, 0.5), boom(1.5), victim, value(4, 2),
                                   return_exceptions=True)
    for r in results:
        print(type(r).__name__, repr(r))

asyncio.run(main())
