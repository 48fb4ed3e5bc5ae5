# Calls of plain functions (bound without the general binder): positional, defaults,
# keywords, closures, methods, and every way such a call can fail.
def pair(a, b):
    return (a, b)


def scale(x, factor=3, offset=0):
    return x * factor + offset


def posonly(a, b=5, /, c=7):
    return (a, b, c)


def make_adder(step):
    def add(x, times=1):
        return x + step * times
    return add


class Box:
    def __init__(self, value, label="box"):
        self.value = value
        self.label = label

    def grow(self, by=1, *, unused=None):
        return self.value + by

    def describe(self, prefix, suffix="."):
        return prefix + self.label + suffix


def attempt(label, fn, *args, **kwargs):
    try:
        print(label, fn(*args, **kwargs))
    except TypeError as e:
        print(label, "TypeError:", e)


print(pair(1, 2), pair(b=2, a=1), pair(1, b=2))
print(scale(2), scale(2, 4), scale(2, offset=1), scale(x=2, offset=1, factor=5))
print(posonly(1), posonly(1, 2), posonly(1, 2, 3), posonly(1, c=9))
add = make_adder(10)
print(add(1), add(1, 3), add(x=1, times=2))
b = Box(4)
print(b.grow(), b.grow(2), b.describe("a "), b.describe("a ", suffix="!"))
print(Box(1, label="crate").describe(prefix="the "))
grow = b.grow
print(grow(), grow(by=5))

attempt("too many", pair, 1, 2, 3)
attempt("too few", pair, 1)
attempt("none", pair)
attempt("unknown kw", pair, 1, 2, c=3)
attempt("repeated", pair, 1, a=2)
attempt("missing after kw", scale, factor=2)
attempt("posonly kw", posonly, 1, b=2)
attempt("closure extra", add, 1, 2, 3)
attempt("method missing", b.describe)
attempt("init missing", Box)
attempt("init unknown", Box, 1, size=2)


def deep(n):
    if n == 0:
        return 0
    return deep(n - 1) + 1


print(deep(900))
try:
    deep(5000)
except RecursionError as e:
    print("RecursionError:", e)


def fails(x, y=0):
    return x / y


def outer():
    return fails(1)


outer()
