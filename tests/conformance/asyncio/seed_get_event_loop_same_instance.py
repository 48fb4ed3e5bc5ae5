# Slides 3-12: get_event_loop returns the same loop each time (outside a running loop);
# inside a coroutine get_running_loop is that loop.
import asyncio

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop2 = asyncio.get_event_loop()
print(loop is loop2)

async def check():
    running = asyncio.get_running_loop()
    print("running loop is ours:", running is loop, asyncio.get_event_loop() is loop)
    return running.is_running()

print(loop.run_until_complete(check()))
try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print("RuntimeError:", e)
loop.close()
