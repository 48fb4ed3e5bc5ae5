# conformance: stamp
# Several children fail at the same instant: all errors gathered into one ExceptionGroup.
import asyncio

async def fail(d, exc):
    await asyncio.sleep(d)
    raise exc

async def cleanup_slowly():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        await asyncio.sleep(0.5)
        raise OSError("cleanup failed")

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail(1, ValueError("v")))
            tg.create_task(fail(1, TypeError("t")))
            tg.create_task(cleanup_slowly())
            tg.create_task(fail(1, ValueError("v2")))
    except* ValueError as eg:
        print("ValueErrors:", eg.exceptions)
    except* TypeError as eg:
        print("TypeErrors:", eg.exceptions)
    except* OSError as eg:
        print("OSErrors:", eg.exceptions, "at", asyncio.get_running_loop().time())
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail(0.5, KeyError("k")))
    except ExceptionGroup as eg:
        print(type(eg).__name__, eg.message, eg.exceptions)

asyncio.run(main())
