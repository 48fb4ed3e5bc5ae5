# conformance: stamp
# Course page (async_time.py): four instances print until their 10 s are up;
# call_later(15, shutdown) stops run_forever.
import asyncio
import datetime
import random
import time

async def display_date(num):
    end_time = time.time() + 10.0
    while True:
        print("instance: {} Time: {}".format(num, datetime.datetime.now()))
        if time.time() >= end_time:
            print("instance: {} is all done".format(num))
            break
        await asyncio.sleep(random.randint(0, 3))

def shutdown():
    print("shutdown called")
    loop = asyncio.get_event_loop()
    loop.stop()

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
asyncio.ensure_future(display_date(1))
asyncio.ensure_future(display_date(2))
loop.create_task(display_date(3))
loop.create_task(display_date(4))
loop.call_later(15, shutdown)
print("about to run loop")
loop.run_forever()
print("loop exited")
loop.close()
