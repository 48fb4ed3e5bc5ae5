# list methods: append extend insert pop remove index count clear copy reverse.
a = [3, 1, 4]
a.append(1); print(a)
a.extend([5, 9]); print(a)
a.extend("xy"); print(a)
a.insert(0, "first"); a.insert(100, "last"); a.insert(-1, "before last"); print(a)
print(a.pop(), a.pop(0), a.pop(-2), a)
a.remove(1); print(a)
print(a.index(4), a.index(1), a.count(1), a.count("nope"))
try:
    a.remove("nope")
except ValueError as e:
    print("ValueError:", e)
try:
    a.index("nope")
except ValueError as e:
    print("ValueError:", e)
try:
    [].pop()
except IndexError as e:
    print("IndexError:", e)
b = a.copy(); b.reverse(); print(a, b, a is b)
b.clear(); print(b, len(a))
c = [1, 2] * 3 + [0]
print(c, c * 0, 2 in c, c.index(2, 2))
nested = [[]] * 3
nested[0].append("shared")
print(nested)
print(list("abc"), list(range(3)), list((1, 2)), list({"k": 1}))
print([1, 2] == [1, 2], [1, 2] < [1, 3], [2] > [1, 99], [] == [])
