# conformance: stamp
# shield: cancelling the outer await does not cancel the shielded task.
import asyncio

async def important():
    print("important work starts")
    await asyncio.sleep(3)
    print("important work finished at", asyncio.get_running_loop().time())
    return "saved"

async def main():
    inner = asyncio.create_task(important())
    async def waiter():
        return await asyncio.shield(inner)
    w = asyncio.create_task(waiter())
    await asyncio.sleep(1)
    w.cancel()
    try:
        await w
    except asyncio.CancelledError:
        print("waiter cancelled at", asyncio.get_running_loop().time(), "inner done?", inner.done())
    print("inner result", await inner)
    try:
        await asyncio.wait_for(asyncio.shield(important()), timeout=1)
    except asyncio.TimeoutError:
        print("wait_for timed out; shielded coroutine continues")
    await asyncio.sleep(3)
    print(await asyncio.shield(asyncio.sleep(0, "shield of done-soon")))

asyncio.run(main())
