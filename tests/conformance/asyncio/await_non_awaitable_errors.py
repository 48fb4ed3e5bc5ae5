# The TypeError wording for `await` on objects outside the awaitable protocol.
import asyncio

def plain_gen():
    yield 1

class ReturnsCoroutine:
    def __await__(self):
        return job()

class ReturnsList:
    def __await__(self):
        return [1, 2]

class AwaitNotCallable:
    __await__ = 3

async def job():
    return "job"

async def main():
    for obj in [None, 3.5, "text", [1], plain_gen(), ReturnsList(), AwaitNotCallable()]:
        try:
            await obj
        except TypeError as e:
            print("TypeError:", e)
    c = job()
    try:
        await ReturnsCoroutine()
    except TypeError as e:
        print("TypeError:", e)
    print(await c)
    try:
        await c
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        async with 5:
            pass
    except (TypeError, AttributeError) as e:
        print(type(e).__name__ + ":", e)
    try:
        async for _ in [1, 2]:
            pass
    except TypeError as e:
        print("TypeError:", e)
    for bad in [5, [1]]:
        try:
            await anext(bad)
        except TypeError as e:
            print("TypeError:", e)
        try:
            aiter(bad)
        except TypeError as e:
            print("TypeError:", e)

asyncio.run(main())
