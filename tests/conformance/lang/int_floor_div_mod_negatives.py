# Integer floor division and modulo with negative operands; true division results.
MAX64, MIN64 = 9223372036854775807, -9223372036854775807 - 1  # the int64 edges
pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (1, 5), (-1, 5),
         (MAX64, 2), (MIN64, 2), (MIN64, 3), (MAX64, MIN64), (MIN64, MAX64)]
for a, b in pairs:
    print(f"{a} // {b} = {a // b}, {a} % {b} = {a % b}, {a} / {b} = {a / b}")
print(divmod(-7, 2), divmod(7, -2), divmod(-7, -2))
print(-7 // 2.0, -7 % 2.0, 7.5 // 2, 7.5 % 2, -7.5 % 2)
print(5 % -0.5, -5.5 // 1.5)
print(10 / 4, 10 / 5, type(10 / 5).__name__, 1 / 3)
print(2 ** 10, 2 ** -1, (-2) ** 3, -2 ** 2, 8 ** (1 / 3))
print(abs(-5), -(-5), +5, ~5, ~-1)
print(int(7 / 2), int(-7 / 2), round(-7 / 2))
zero = 0
for expr, compute in [("1 // 0", lambda: 1 // zero), ("1 % 0", lambda: 1 % zero),
                      ("1 / 0", lambda: 1 / zero), ("1.0 // 0", lambda: 1.0 // zero),
                      ("divmod(1, 0)", lambda: divmod(1, zero)), ("0 ** -1", lambda: zero ** -1)]:
    try:
        compute()
    except ZeroDivisionError as e:
        print(expr, "->", e)
