# conformance: stamp
# Cancelling the outer task propagates into the innermost awaited coroutine; each
# level's except/finally runs innermost first.
import asyncio

async def level3():
    try:
        await asyncio.sleep(10)
    finally:
        print("level3 finally")

async def level2():
    try:
        await level3()
    finally:
        print("level2 finally")

async def level1():
    try:
        await level2()
    except asyncio.CancelledError:
        print("level1 caught, re-raising")
        raise

async def main():
    t = asyncio.create_task(level1())
    await asyncio.sleep(1)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("done", t.cancelled())

asyncio.run(main())
