# Assignment expressions (:=) in conditions, comprehensions and loops.
data = [3, 8, 1, 9, 4]
if (n := len(data)) > 3:
    print("long list of", n)
print([y for x in data if (y := x * 2) > 6])
print(y)
values = iter([5, 4, 0, 7])
while (v := next(values)) != 0:
    print("value", v)
print("stopped at", v)
print((total := sum(data)), total / n)
def f(x):
    print("  f called with", x)
    return x * 10
results = [r for x in range(4) if (r := f(x)) % 20 == 0]
print(results)
print([(last := i) for i in range(3)], last)
chunks = "a,b;c,d"
if (parts := chunks.split(";")) and len(parts) == 2:
    print(parts)
print((a := 1, b := 2), a, b)
