# while loops with break, continue and the else clause.
i = 0
while i < 10:
    i += 1
    if i % 2 == 0:
        continue
    if i > 7:
        break
    print("odd", i)
else:
    print("while-else not reached")
print("after break, i =", i)

j = 0
while j < 3:
    print("j", j)
    j += 1
else:
    print("while-else ran, j =", j)

n = 27
steps = 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print("collatz steps", steps)

outer = 0
while outer < 3:
    inner = 0
    while True:
        inner += 1
        if inner == outer + 2:
            break
    print("outer", outer, "inner", inner)
    outer += 1
