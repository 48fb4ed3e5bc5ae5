# conformance: stamp
# Course page: plain callbacks with call_soon, call_later, call_at and loop.time().
import asyncio

def callback(label, *args):
    print(f"{label} args={args} at loop time {loop.time()}")

loop = asyncio.new_event_loop()
loop.call_later(2, callback, "call_later(2)")
loop.call_at(loop.time() + 1, callback, "call_at(now+1)", "x")
loop.call_soon(callback, "call_soon first", 1)
loop.call_soon(callback, "call_soon second", 2, 3)
loop.call_later(0, callback, "call_later(0)")
loop.call_later(1, callback, "call_later(1) after call_at(now+1)")
loop.call_later(3, loop.stop)
print("running at", loop.time())
loop.run_forever()
print("stopped at", loop.time())
loop.close()
