# Generator methods: send(), throw(), close(), GeneratorExit and finally.
def averager():
    total = count = 0
    avg = None
    try:
        while True:
            try:
                value = yield avg
            except ValueError as e:
                print("  generator caught", repr(e))
                continue
            total += value
            count += 1
            avg = total / count
    finally:
        print("  averager finally")

g = averager()
print(next(g))
print(g.send(10))
print(g.send(20))
print(g.throw(ValueError("bad value")))
print(g.send(30))
g.close()
print("closed; send again:")
try:
    g.send(1)
except StopIteration:
    print("StopIteration")

def fresh():
    yield 1
f = fresh()
try:
    f.send(5)
except TypeError as e:
    print("TypeError:", e)
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        print("  got GeneratorExit, yielding anyway")
        yield 2
s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError:", e)
def throw_through():
    yield 1
t = throw_through()
next(t)
try:
    t.throw(KeyError("k"))
except KeyError as e:
    print("propagated", repr(e))
unstarted = fresh()
unstarted.close()
print(list(unstarted))
