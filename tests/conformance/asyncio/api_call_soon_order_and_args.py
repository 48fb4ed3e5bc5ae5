# conformance: stamp
# call_soon is FIFO; callbacks scheduled by callbacks run next iteration; Handle.cancel.
import asyncio

loop = asyncio.new_event_loop()
log = []

def cb(name, depth=0):
    print("run", name)
    if depth:
        loop.call_soon(cb, name + ".child", depth - 1)

loop.call_soon(cb, "a", 2)
h = loop.call_soon(cb, "cancelled")
loop.call_soon(cb, "b", 1)
loop.call_soon(cb, "c")
print("handle cancelled?", h.cancelled())
h.cancel()
print("handle cancelled?", h.cancelled())
loop.call_later(1, loop.stop)
loop.run_forever()
try:
    loop.call_soon(lambda: None, 1, 2, key=3)
except TypeError as e:
    print("TypeError:", e)
try:
    loop.call_soon(42)
except TypeError as e:
    print("TypeError:", e)
loop.close()
