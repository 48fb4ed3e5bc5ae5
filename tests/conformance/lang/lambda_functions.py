# lambda expressions: defaults, closures, sorting keys, immediate calls.
square = lambda x: x * x
print(square(7), square.__name__)
add = lambda a, b=10: a + b
print(add(1), add(1, 2))
print((lambda *a, **k: (a, sorted(k)))(1, 2, z=3, y=4))
pairs = [(3, "c"), (1, "a"), (2, "b"), (1, "z")]
print(sorted(pairs, key=lambda p: (p[0], -ord(p[1]))))
print(list(map(lambda s: s.upper(), ["x", "yz"])))
print(list(filter(lambda n: n % 3 == 0, range(10))))
compose = lambda f, g: lambda x: f(g(x))
inc_then_square = compose(square, lambda x: x + 1)
print(inc_then_square(4))
table = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b}
for op in "+-*":
    print(op, table[op](6, 3))
print((lambda: "no args")())
cond = lambda n: "even" if n % 2 == 0 else "odd"
print([cond(n) for n in range(4)])
print(type(square).__name__, callable(square))
