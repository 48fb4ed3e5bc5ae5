# conformance: stamp
# Course page (ultra_simple.py): one coroutine printing in a loop with sleep(0.2).
import asyncio

async def say_lots(num):
    for i in range(num):
        print("This was run by the loop:", i)
        await asyncio.sleep(0.2)

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(say_lots(5))
print("done with loop at", loop.time())
loop.close()
