# conformance: stamp
# new_event_loop / set_event_loop / get_event_loop / close: several loops share one clock.
import asyncio

async def tick(name, d):
    await asyncio.sleep(d)
    print(name, "ticked at", asyncio.get_running_loop().time())
    return name

first = asyncio.new_event_loop()
second = asyncio.new_event_loop()
print(first is second)
asyncio.set_event_loop(first)
print(asyncio.get_event_loop() is first)
print(first.run_until_complete(tick("first", 1)))
asyncio.set_event_loop(second)
print(second.run_until_complete(tick("second", 2)))
print("clock shared:", first.time() == second.time(), first.time())
first.close()
second.close()
again = tick("again", 1)
try:
    first.run_until_complete(again)
except RuntimeError as e:
    print("RuntimeError:", e)
again.close()
first.close()
print("closing twice is fine")
