# conformance: stamp
# Course page: get the event loop and run one coroutine to completion.
import asyncio

async def say_something():
    print("This was run by the loop")

loop = asyncio.get_event_loop()
result = loop.run_until_complete(say_something())
print("result:", result)
print("loop is running:", loop.is_running(), "closed:", loop.is_closed())
loop.close()
print("closed:", loop.is_closed())
