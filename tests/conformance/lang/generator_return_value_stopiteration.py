# A generator's return value travels in StopIteration.value.
def gen():
    yield 1
    return "the result"

g = gen()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("value:", repr(e.value), "args:", e.args)

def no_return():
    yield 1
g = no_return()
next(g)
try:
    next(g)
except StopIteration as e:
    print("value:", repr(e.value), "args:", e.args)

def returns_tuple():
    return (1, 2)
    yield
try:
    next(returns_tuple())
except StopIteration as e:
    print("tuple value:", e.value, e.args)
e = StopIteration(42)
print(e.value, StopIteration().value)
def driver(genfn):
    g = genfn()
    values = []
    while True:
        try:
            values.append(next(g))
        except StopIteration as stop:
            return values, stop.value
def three():
    yield "a"
    yield "b"
    return 3
print(driver(three))
