# close() of a suspended coroutine runs its finally blocks (innermost first); a
# coroutine that awaits again while closing is a RuntimeError.
import types

@types.coroutine
def pause():
    yield "paused"

async def inner():
    try:
        await pause()
    finally:
        print("inner finally")

async def outer():
    try:
        await inner()
    finally:
        print("outer finally")

c = outer()
c.send(None)
c.close()
print("closed once; running:", c.cr_running, "frame:", c.cr_frame)
c.close()
print("closed twice is fine")

async def stubborn():
    try:
        await pause()
    except GeneratorExit:
        print("caught GeneratorExit")
        await pause()

s = stubborn()
s.send(None)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError:", e)

async def returns_on_close():
    try:
        await pause()
    except GeneratorExit:
        return "ignored value"

r = returns_on_close()
r.send(None)
print("close() returns", r.close())

async def raises_on_close():
    try:
        await pause()
    finally:
        raise ValueError("from finally")

x = raises_on_close()
x.send(None)
try:
    x.close()
except ValueError as e:
    print("close raised", repr(e))

never = outer()
never.close()
try:
    never.send(None)
except RuntimeError as e:
    print("after close:", e)
