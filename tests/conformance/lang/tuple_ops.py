# Tuples: packing, singleton, immutability, methods, comparison, nested mutation.
t = 1, 2, 3
print(t, type(t).__name__, len(t), t[0], t[-1], t[1:])
single = (5,)
print(single, (5), type((5)).__name__, (), tuple(), tuple("ab"), tuple([1, 2]))
print(t + (4,), t * 2, 2 in t, t.index(3), (1, 1, 2).count(1))
try:
    t[0] = 9
except TypeError as e:
    print("TypeError:", e)
nested = ([1], "s")
nested[0].append(2)
print(nested)
print((1, 2) < (1, 2, 0), (2,) > (1, 99), (1, "a") == (1, "a"), max([(1, "z"), (2, "a")]))
a, b = t[:2]
print(a, b, sum(t), sorted((3, 1, 2)), tuple(reversed(t)))
point = (3, 4)
x, y = point
print(f"x={x}, y={y}", hash(point) == hash((3, 4)))
try:
    (1, 2).index(5)
except ValueError as e:
    print("ValueError:", e)
print(divmod(9, 4), tuple(range(3)), ("a",) * 3)
