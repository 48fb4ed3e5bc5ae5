# Re-entry and misuse: an awaited coroutine awaited again by a second task, a coroutine
# awaiting itself, StopIteration/StopAsyncIteration escaping, async generator misuse.
import asyncio, types

@types.coroutine
def pause():
    yield

async def raises_stop():
    raise StopIteration("x")

async def self_await():
    await me

async def waiter(c):
    return await c

async def agen():
    yield 1
    raise StopAsyncIteration

async def agen2():
    try:
        yield 1
    except GeneratorExit:
        yield 2

async def slow():
    await asyncio.sleep(1)
    return "slow"

async def main():
    try:
        await raises_stop()
    except RuntimeError as e:
        print("RuntimeError:", e, type(e.__cause__).__name__)
    global me
    me = self_await()
    try:
        await me
    except (ValueError, RuntimeError) as e:
        print(type(e).__name__, e)
    g = agen()
    print(await g.__anext__())
    try:
        await g.__anext__()
    except RuntimeError as e:
        print("RuntimeError:", e)
    g2 = agen2()
    print(await g2.asend(None))
    try:
        await g2.aclose()
    except RuntimeError as e:
        print("RuntimeError:", e)
    g3 = agen2()
    try:
        await g3.asend(5)
    except TypeError as e:
        print("TypeError:", e)
    g4 = agen2()
    try:
        await g4.athrow(ValueError("early"))
    except ValueError as e:
        print("athrow early", repr(e))
    print(await g4.aclose(), await g4.aclose())
    a = g4.asend(None)
    try:
        await a
    except StopAsyncIteration:
        print("exhausted")
    try:
        await a
    except RuntimeError as e:
        print("RuntimeError:", e)
    c = slow()
    t1 = asyncio.ensure_future(waiter(c))
    t2 = asyncio.ensure_future(waiter(c))
    r = await asyncio.gather(t1, t2, return_exceptions=True)
    print(r)

asyncio.run(main())
