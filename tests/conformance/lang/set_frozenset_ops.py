# set and frozenset: operators, methods, membership, immutability. Small ints or sorted() only.
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union([9]), a.intersection(b, {4}), a.difference(b), a.symmetric_difference(b))
print({1, 2} <= a, {1, 2} < a, a <= a, a < a, a >= {1}, a.isdisjoint({7, 8}), a.issubset(range(10)))
s = set()
s.add(3); s.add(1); s.add(3)
print(s, len(s), 3 in s, 5 not in s)
s.update([5, 2], (7,))
print(s)
s.discard(100); s.remove(5)
print(s)
try:
    s.remove(100)
except KeyError as e:
    print("KeyError:", e)
print(sorted({"pear", "apple", "fig"}), sorted(set("mississippi")))
fs = frozenset([3, 1, 2])
print(fs, fs | {4}, type(fs | {4}).__name__, type({4} | fs).__name__)
try:
    fs.add(1)
except AttributeError as e:
    print("AttributeError:", e)
print({fs: "frozen key"}[frozenset({1, 2, 3})])
c = {1, 2, 3}
c -= {1}; c |= {10}; c &= {2, 10, 11}; c ^= {2, 99}
print(c)
print(set(), frozenset(), {0} == {False}, set([1, 1, 1]), len({1, 1.0, True}))
print(sorted(a.copy()), a.pop() in {1, 2, 3, 4}, len(a))
try:
    {[1]}
except TypeError as e:
    print("TypeError:", e)
