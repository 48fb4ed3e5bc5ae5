# @types.coroutine generator functions: awaitable from async code, told apart by inspect;
# coroutine.__await__() and the coroutine attributes cr_running / cr_await.
import asyncio
import inspect
import types

@types.coroutine
def legacy_sleep(d):
    result = yield from asyncio.sleep(d, result="legacy").__await__()
    return result

def plain():
    yield 1

async def coro():
    return "coro"

async def watcher(c):
    print("inner running:", c.cr_running)
    return await c

async def main():
    print(await legacy_sleep(0.5), asyncio.get_running_loop().time())
    g = legacy_sleep(0)
    print(inspect.isawaitable(g), inspect.isawaitable(plain()), inspect.isgenerator(g))
    print(asyncio.iscoroutine(g), inspect.iscoroutinefunction(legacy_sleep))
    await g
    c = coro()
    w = c.__await__()
    print(type(w).__name__, iter(w) is w)
    try:
        w.send(None)
    except StopIteration as e:
        print("StopIteration value", e.value)
    print(types.coroutine(coro) is coro, isinstance(coro(), types.CoroutineType))
    try:
        types.coroutine(5)
    except TypeError as e:
        print("TypeError:", e)
    c2 = coro()
    print(await watcher(c2), c2.cr_running, c2.cr_await)
    print(type(legacy_sleep).__name__, types.GeneratorType.__name__, types.FunctionType.__name__)

asyncio.run(main())
