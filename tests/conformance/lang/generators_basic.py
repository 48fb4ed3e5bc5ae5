# Generator functions: laziness, state between yields, exhaustion, generator objects.
def numbers(limit):
    print("generator started")
    n = 0
    while n < limit:
        print("about to yield", n)
        yield n
        n += 1
    print("generator finished")

g = numbers(3)
print(type(g).__name__)
print("first next:", next(g))
print("second next:", next(g))
print("rest:", list(g))
print("again:", list(g))
try:
    next(g)
except StopIteration:
    print("StopIteration after exhaustion")

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(12)])
def pairs(items):
    for i, x in enumerate(items):
        for y in items[i + 1:]:
            yield x, y
print(list(pairs("abc")))
def empty():
    return
    yield
print(list(empty()))
def infinite_counter(start=0):
    while True:
        start += 1
        yield start
import itertools
print(list(itertools.islice(infinite_counter(), 5)))
print(sum(x * x for x in numbers(2)))
