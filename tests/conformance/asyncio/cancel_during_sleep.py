# conformance: stamp
# Cancelling a task in asyncio.sleep: CancelledError at the await, finally runs, the
# message reaches the awaiting side.
import asyncio

async def sleeper():
    try:
        print("sleeping 10 s")
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print("CancelledError in sleeper, args", e.args, "at", asyncio.get_running_loop().time())
        raise
    finally:
        print("sleeper finally")

async def main():
    t = asyncio.create_task(sleeper())
    await asyncio.sleep(2)
    print("cancel returns", t.cancel(msg="enough"))
    try:
        await t
    except asyncio.CancelledError as e:
        print("main sees CancelledError, args", e.args)
    print(t.cancelled(), t.done())

asyncio.run(main())
