# Slides 3-11: run_until_complete returns the coroutine's result.
import asyncio

async def f():
    await asyncio.sleep(0)
    return 111

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
coro = f()
print(loop.run_until_complete(coro))
print(loop.run_until_complete(asyncio.sleep(0.5, result="slept")), loop.time())
loop.close()
