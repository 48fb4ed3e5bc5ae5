# yield from: delegation, return value of the subgenerator, nested delegation.
def inner(tag):
    yield tag + "1"
    yield tag + "2"
    return tag.upper()

def outer():
    r1 = yield from inner("a")
    print("inner returned", r1)
    r2 = yield from inner("b")
    print("inner returned", r2)
    yield from range(3)
    yield from "xy"
    return "outer done"

g = outer()
for value in g:
    print("got", value)

def flatten(items):
    for item in items:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item
print(list(flatten([1, [2, [3, [4]], 5], [[6]]])))

def catcher():
    result = yield from outer()
    yield "final:" + result
print(list(catcher())[-1])

def echo():
    received = []
    while True:
        x = yield
        if x is None:
            return received
        received.append(x)
def delegator():
    res = yield from echo()
    print("delegator got", res)
    yield "end"
d = delegator()
next(d)
d.send(1)
d.send(2)
print(d.send(None))
