# Assignment forms: chained, tuple/list unpacking, starred targets, swaps.
a = b = c = 7
print(a, b, c)
x, y = 1, 2
x, y = y, x
print(x, y)
first, *rest = [10, 20, 30, 40]
print(first, rest)
*init, last = "hello"
print(init, last)
head, *middle, tail = range(6)
print(head, middle, tail)
p, *q = (1,)
print(p, q)
(m, n), o = (3, 4), 5
print(m, n, o)
[i, [j, k]] = [1, [2, 3]]
print(i, j, k)
for idx, (left, *right) in enumerate([(1, 2, 3), (4,), (5, 6)]):
    print(idx, left, right)
d = {}
d["k"], d["v"] = "key", "value"
print(d)
lst = [0, 0, 0]
lst[0], lst[2] = "a", "c"
print(lst)
try:
    u, v = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
try:
    u, v, w = [1, 2]
except ValueError as e:
    print("ValueError:", e)
try:
    u, *v, w = [1]
except ValueError as e:
    print("ValueError:", e)
s1, s2 = "ab"
print(s1, s2)
