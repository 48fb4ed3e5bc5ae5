import asyncio


async def ok(name, d):
    try:
        await asyncio.sleep(d)
        print(name, "done")
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise


async def bad():
    await asyncio.sleep(1)
    print("bad raises")
    raise ValueError("boom")


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(ok("a", 0.5))
            tg.create_task(bad())
            tg.create_task(ok("b", 2))
            tg.create_task(ok("c", 3))
            print("body done")
    except ExceptionGroup as eg:
        print(type(eg).__name__, eg)
        print("member:", repr(eg.exceptions[0]))


asyncio.run(main())
