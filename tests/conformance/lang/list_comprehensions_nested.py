# List comprehensions: conditions, nesting, nested comprehensions, scope.
print([x * 2 for x in range(6)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(i, j) for i in range(3) for j in range(i)])
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([[row[c] for row in matrix] for c in range(3)])
print([n for row in matrix for n in row if n % 2])
print(["even" if n % 2 == 0 else "odd" for n in range(4)])
words = ["apple", "Bob", "cat", "Dog"]
print([w.lower() for w in words if w[0].isupper()])
print([[0] * 3 for _ in range(2)])
i = "outer i"
print([i for i in range(3)], i)
print([c for c in "hello" if c not in "l"])
print([len(w) for w in "the quick brown fox".split()])
grid = [[(r, c) for c in range(2)] for r in range(2)]
print(grid)
print([x + y for x, y in zip([1, 2, 3], [10, 20, 30])])
print([f(3) for f in [abs, str, float]])
