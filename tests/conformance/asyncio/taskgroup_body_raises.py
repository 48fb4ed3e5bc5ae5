# conformance: stamp
# The body of async with TaskGroup raises: children are cancelled, the error is grouped.
import asyncio

async def child(i):
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print("child", i, "cancelled")
        raise

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            for i in range(3):
                tg.create_task(child(i))
            await asyncio.sleep(1)
            raise RuntimeError("body failed")
    except* RuntimeError as eg:
        print("got", eg.exceptions, "at", asyncio.get_running_loop().time())
    async with asyncio.TaskGroup() as tg:
        pass
    late = child(9)
    try:
        tg.create_task(late)
    except RuntimeError as e:
        print("RuntimeError:", e)
    late.close()

asyncio.run(main())
