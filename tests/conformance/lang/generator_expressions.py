# Generator expressions: laziness, single use, scoping of the first iterable.
squares = (x * x for x in range(5))
print(type(squares).__name__)
print(next(squares), next(squares))
print(list(squares))
print(list(squares))
print(sum(x for x in range(101)))
print(max((len(w), w) for w in ["pear", "fig", "banana"]))
print(any(x > 3 for x in [1, 2, 5]), all(x > 0 for x in [1, -1]))
def noisy(n):
    print("  producing", n)
    return n
lazy = (noisy(i) for i in range(3))
print("created")
print(next(lazy))
pairs = list((a, b) for a in "xy" for b in (1, 2) if b != 1 or a == "x")
print(pairs)
x = 10
g = (x + i for i in range(3))
x = 20
print(list(g))
print(sorted((n % 3, n) for n in range(7)))
print(", ".join(str(n) for n in range(4)))
print(tuple(c.upper() for c in "abc"), set(n % 2 for n in range(6)))
