# inspect (iscoroutinefunction, iscoroutine, isawaitable) and sys (stdout, stderr, version_info).
import asyncio
import inspect
import sys

async def coro_fn():
    return 1

def gen_fn():
    yield 1

class Awaitable:
    def __await__(self):
        yield

print(inspect.iscoroutinefunction(coro_fn), inspect.iscoroutinefunction(gen_fn), inspect.iscoroutinefunction(len))
c = coro_fn()
print(inspect.iscoroutine(c), inspect.iscoroutine(gen_fn()), inspect.isawaitable(c), inspect.isawaitable(Awaitable()))
print(inspect.isawaitable(asyncio.sleep), asyncio.iscoroutine(c), asyncio.iscoroutinefunction(coro_fn))
print(asyncio.run(c))
print(sys.version_info[:2], sys.version_info.major, sys.version_info >= (3, 11))
sys.stdout.write("written via sys.stdout\n")
sys.stderr.write("written via sys.stderr\n")
print("stderr line via print", file=sys.stderr)
print("done")
