# enumerate zip map filter sorted reversed: laziness and argument forms.
names = ["ann", "bob", "cy"]
print(list(enumerate(names)), list(enumerate(names, 1)), list(enumerate("ab", start=-1)))
print(list(zip(names, [1, 2, 3])), list(zip("abcd", range(2))), list(zip()), list(zip([1], [2], [3])))
try:
    list(zip("ab", "c", strict=True))
except ValueError as e:
    print("ValueError:", e)
print(list(map(len, names)), list(map(pow, [2, 3], [3, 2])), list(map(str.upper, "ab")))
print(list(filter(None, [0, 1, "", "x", None, [], [0]])), list(filter(str.isdigit, "a1b2")))
print(sorted(names, key=len, reverse=True), list(reversed(names)), list(reversed(range(3))))
print(list(reversed("abc")), list(reversed((1, 2))), list(reversed({"k": 1, "j": 2})))
m = map(lambda x: print("  mapping", x) or x, [1, 2])
print("map created")
print(list(m), list(m))
z = zip([1, 2, 3], "ab")
print(next(z), list(z))
e = enumerate("xyz")
print(next(e), next(e), list(e))
pairs = [(1, "one"), (2, "two")]
nums, words = zip(*pairs)
print(nums, words)
print(dict(zip("abc", range(3))), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])))
try:
    reversed({1, 2})
except TypeError as e:
    print("TypeError:", e)
