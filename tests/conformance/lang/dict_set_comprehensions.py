# dict and set comprehensions, including conditions, nesting and key collisions.
print({x: x ** 2 for x in range(6)})
print({k: v for k, v in [("a", 1), ("b", 2), ("a", 3)]})
print({v: k for k, v in {"one": 1, "two": 2}.items()})
print({w[0]: w for w in ["apple", "avocado", "banana"]})
print({n % 4 for n in range(20)})
print(sorted({c for c in "mississippi"}))
print({(i, j): i * j for i in range(3) for j in range(3) if i < j})
names = ["ann", "bob", "cy"]
print({name: len(name) for name in names if len(name) > 2})
nested = {outer: {inner: outer * inner for inner in range(2)} for outer in range(1, 3)}
print(nested)
print(type({x for x in []}).__name__, type({x: x for x in []}).__name__)
print({True: "t", 1: "one"}, {x % 3: x for x in range(10)})
counts = {}
for ch in "hello world":
    counts[ch] = counts.get(ch, 0) + 1
print({k: v for k, v in sorted(counts.items()) if v > 1})
