# throw() into a coroutine suspended in a chain of awaits reaches the innermost
# awaitable first; each level may catch it, go on, or let it out.
import types

@types.coroutine
def pause(tag):
    try:
        got = yield tag
    except KeyError as e:
        print("pause caught", repr(e))
        got = yield tag + "-again"
    return got

async def middle():
    try:
        return await pause("inner")
    except ValueError as e:
        print("middle caught", repr(e))
        return "middle recovered"

async def outer():
    value = await middle()
    print("outer got", value)
    return value * 2 if isinstance(value, int) else value

c = outer()
print("first yield:", c.send(None))
print("after KeyError:", c.throw(KeyError("k")))
try:
    c.send(21)
except StopIteration as e:
    print("finished with", e.value)

c = outer()
c.send(None)
try:
    c.throw(ValueError("v"))
except StopIteration as e:
    print("finished with", e.value)

c = outer()
c.send(None)
try:
    c.throw(RuntimeError, "boom")
except RuntimeError as e:
    print("propagated:", e)
try:
    c.throw(KeyError("late"))
except RuntimeError as e:
    print("RuntimeError:", e)

c = outer()
try:
    c.throw(TypeError("before start"))
except TypeError as e:
    print("unstarted throw raises", repr(e))
print("cr_await of a finished coroutine:", c.cr_await)
try:
    c.throw(1)
except TypeError as e:
    print("TypeError:", e)

c = outer()
c.send(None)
print("cr_await type:", type(c.cr_await).__name__)
c.close()
