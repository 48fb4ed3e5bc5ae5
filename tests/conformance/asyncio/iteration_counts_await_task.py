# Loop iteration counting: how many sleep(0) rounds a sibling gets while another task
# awaits a task, a gather, a sleep, a future.
import asyncio

async def counter(stop):
    n = 0
    while not stop.done():
        n += 1
        await asyncio.sleep(0)
    return n

async def quick():
    return "quick"

async def measure(label, make_awaitable):
    loop = asyncio.get_running_loop()
    stop = loop.create_future()
    c = asyncio.create_task(counter(stop))
    await asyncio.sleep(0)
    await make_awaitable()
    stop.set_result(None)
    print(label, await c)

async def main():
    await measure("await coroutine", lambda: quick())
    await measure("await task", lambda: asyncio.create_task(quick()))
    await measure("await gather", lambda: asyncio.gather(quick(), quick()))
    await measure("await sleep(0)", lambda: asyncio.sleep(0))
    loop = asyncio.get_running_loop()
    def soon_future():
        f = loop.create_future()
        loop.call_soon(f.set_result, 1)
        return f
    await measure("await future set by call_soon", soon_future)
    await measure("await wait_for", lambda: asyncio.wait_for(quick(), 1))
    await measure("await shield", lambda: asyncio.shield(quick()))

asyncio.run(main())
