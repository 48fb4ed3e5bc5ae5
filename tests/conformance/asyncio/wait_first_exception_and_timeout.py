# conformance: stamp
# asyncio.wait with FIRST_EXCEPTION and with a timeout (which cancels nothing).
import asyncio

async def job(d, fail=False):
    await asyncio.sleep(d)
    if fail:
        raise RuntimeError(f"failed at {d}")
    return d

def names(tasks):
    return sorted(t.get_name() for t in tasks)

async def main():
    ts = [asyncio.create_task(job(1), name="a"), asyncio.create_task(job(2, True), name="b"),
          asyncio.create_task(job(3), name="c")]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION)
    print(names(done), names(pending), asyncio.get_running_loop().time())
    print([repr(t.exception()) for t in sorted(done, key=lambda t: t.get_name())])
    done, pending = await asyncio.wait(pending, timeout=0.5)
    print("after timeout:", names(done), names(pending), [t.cancelled() for t in pending])
    done, pending = await asyncio.wait(pending, timeout=10)
    print(names(done), names(pending), asyncio.get_running_loop().time())
    try:
        await asyncio.wait([])
    except ValueError as e:
        print("ValueError:", e)
    coro = job(0)
    try:
        await asyncio.wait([coro])
    except TypeError as e:
        print("TypeError:", e)
    finally:
        coro.close()

asyncio.run(main())
