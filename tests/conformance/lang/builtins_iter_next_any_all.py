# iter next any all: defaults, short-circuiting, empty inputs.
it = iter("ab")
print(next(it), next(it), next(it, "end"), next(it, None))
print(any([]), all([]), any([0, "", None]), all([1, "x", [0]]), any(x > 2 for x in [1, 5]))
def check(x):
    print("  checking", x)
    return x
print(any(check(v) for v in [0, 1, 2]))
print(all(check(v) for v in [1, 0, 2]))
d = {"a": 1, "b": 2}
di = iter(d)
print(next(di), list(di))
print(list(iter(iter([1, 2]))), iter(it) is it)
class Count:
    def __init__(self):
        self.i = 0
    def __call__(self):
        self.i += 1
        return self.i
print(list(iter(Count(), 4)))
try:
    next([1, 2])
except TypeError as e:
    print("TypeError:", e)
try:
    next(iter([]))
except StopIteration as e:
    print("StopIteration", repr(e))
