# ensure_future with a coroutine, a Task, a Future and an awaitable; TypeError otherwise.
import asyncio

async def coro():
    await asyncio.sleep(0)
    return "coro result"

class Awaitable:
    def __await__(self):
        yield from asyncio.sleep(0).__await__()
        return "awaitable result"

async def main():
    t1 = asyncio.ensure_future(coro())
    print(type(t1).__name__, t1.get_name())
    print(asyncio.ensure_future(t1) is t1)
    fut = asyncio.get_running_loop().create_future()
    print(asyncio.ensure_future(fut) is fut)
    fut.set_result("future result")
    t2 = asyncio.ensure_future(Awaitable())
    print(type(t2).__name__)
    print(await t1, await fut, await t2)
    try:
        asyncio.ensure_future(42)
    except TypeError as e:
        print("TypeError:", e)

asyncio.run(main())
