# conformance: stamp
# A task that fails but is never awaited: main still completes; the error surfaces only
# as a log message on stderr when the task is destroyed.
import asyncio

async def fails():
    await asyncio.sleep(0.5)
    raise RuntimeError("nobody looked at me")

async def main():
    t = asyncio.create_task(fails())
    await asyncio.sleep(1)
    print("task done:", t.done(), "exception:", repr(t.exception()))
    t2 = asyncio.create_task(fails())
    await asyncio.sleep(1)
    print("second task done:", t2.done())
    del t2

asyncio.run(main())
print("program ends normally")
