# conformance: stamp
# Course page (async_executor.py, blocking variant): a slow synchronous call inside a
# coroutine freezes every other task until it returns.
import asyncio
import random
import time

async def small_task(num):
    while True:
        print("task: {} run".format(num))
        await asyncio.sleep(random.random() * 2)

async def slow_task():
    while True:
        print("running the slow task- blocking!")
        result = slow_function(random.random() * 8 + 2)
        print("slow function done: result", result)
        await asyncio.sleep(0.1)

def slow_function(duration):
    time.sleep(duration)
    print("slow task complete")
    return duration

loop = asyncio.new_event_loop()
for n in range(1, 5):
    loop.create_task(small_task(n))
loop.create_task(slow_task())
loop.call_later(20, loop.stop)
print("about to run loop")
loop.run_forever()
print("loop exited")
pending = sorted(asyncio.all_tasks(loop), key=lambda t: t.get_name())
for t in pending:
    t.cancel()
loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
print("cancelled", len(pending), "tasks at", loop.time())
loop.close()
