# Slides 3-4/3-5: an async function is a function; calling it makes a coroutine object.
import asyncio
import inspect

async def f():
    return 123

def plain():
    return 1

print(type(f))
print(inspect.iscoroutinefunction(f), inspect.iscoroutinefunction(plain))
print(asyncio.iscoroutinefunction(f), asyncio.iscoroutinefunction(plain))
coro = f()
print(type(coro))
print(inspect.iscoroutine(coro), asyncio.iscoroutine(coro), inspect.iscoroutine(plain()))
print(inspect.isawaitable(coro), inspect.isawaitable(123))
print(coro.__name__, coro.__qualname__, f.__name__)
print(asyncio.run(coro))
