# Driving coroutines by hand: send/throw/close semantics, RuntimeError on reuse.
import asyncio
import types

@types.coroutine
def suspend(tag):
    got = yield tag
    return got

async def worker():
    try:
        a = await suspend("first")
        print("worker received", a)
        b = await suspend("second")
        print("worker received", b)
        return a + b
    finally:
        print("worker finally")

c = worker()
print(c.send(None))
print(c.send(10))
try:
    c.send(5)
except StopIteration as e:
    print("returned", e.value)
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)

c2 = worker()
c2.send(None)
try:
    c2.throw(KeyError("injected"))
except KeyError as e:
    print("KeyError propagated", e)
c3 = worker()
c3.send(None)
c3.close()
print("closed:", c3.cr_frame is None)
c4 = worker()
c4.close()
print(asyncio.iscoroutine(c4), type(suspend("x")).__name__)
