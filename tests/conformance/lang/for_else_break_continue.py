# for loops over several iterables, with break / continue / else.
for ch in "abc":
    print(ch, end=" ")
print()
for n in range(2, 20):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, "is prime")
for i in range(10):
    if i % 3:
        continue
    print("multiple of 3:", i)
for i in []:
    print("never")
else:
    print("else after empty loop")
for key in {"x": 1, "y": 2}:
    print("key", key)
for i, (a, b) in enumerate(zip("xyz", [1, 2, 3]), start=1):
    print(i, a, b)
total = 0
for x in range(100):
    if x > 10:
        break
    total += x
else:
    total = -1
print("total", total)
for x in range(3):
    pass
print("loop variable survives:", x)
