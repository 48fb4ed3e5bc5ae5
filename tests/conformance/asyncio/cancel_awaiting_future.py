# conformance: stamp
# Cancelling a task that awaits a bare Future cancels that future too.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    async def waiter():
        try:
            return await fut
        except asyncio.CancelledError:
            print("waiter cancelled; future cancelled?", fut.cancelled())
            raise
    t = asyncio.create_task(waiter())
    await asyncio.sleep(1)
    t.cancel()
    await asyncio.gather(t, return_exceptions=True)
    print("future cancelled:", fut.cancelled())
    fut2 = loop.create_future()
    t2 = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    loop.call_later(1, fut2.cancel)
    print(await asyncio.gather(fut2, return_exceptions=True))

asyncio.run(main())
