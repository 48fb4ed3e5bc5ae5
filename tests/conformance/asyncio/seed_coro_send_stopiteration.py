# Slides 3-6: drive a coroutine by hand with send(None); its return value arrives
# in StopIteration.value.
async def f():
    return 123

coro = f()
try:
    coro.send(None)
except StopIteration as e:
    print("The answer was:", e.value)

async def two_steps():
    class Yielder:
        def __await__(self):
            value = yield "first suspension"
            print("resumed with", value)
            return "awaited value"
    got = await Yielder()
    return "finished with " + got

c = two_steps()
print("send(None) ->", c.send(None))
try:
    c.send("hello")
except StopIteration as e:
    print("StopIteration.value =", e.value)
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
