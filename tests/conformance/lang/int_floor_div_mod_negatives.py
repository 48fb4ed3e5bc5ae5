# Integer floor division and modulo with negative operands; true division results.
pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (1, 5), (-1, 5)]
for a, b in pairs:
    print(f"{a} // {b} = {a // b}, {a} % {b} = {a % b}, {a} / {b} = {a / b}")
print(divmod(-7, 2), divmod(7, -2), divmod(-7, -2))
print(-7 // 2.0, -7 % 2.0, 7.5 // 2, 7.5 % 2, -7.5 % 2)
print(5 % -0.5, -5.5 // 1.5)
print(10 / 4, 10 / 5, type(10 / 5).__name__, 1 / 3)
print(2 ** 10, 2 ** -1, (-2) ** 3, -2 ** 2, 8 ** (1 / 3))
print(abs(-5), -(-5), +5, ~5, ~-1)
print(int(7 / 2), int(-7 / 2), round(-7 / 2))
for expr in ["1 // 0", "1 % 0", "1 / 0", "1.0 // 0", "divmod(1, 0)", "0 ** -1"]:
    try:
        eval(expr)
    except ZeroDivisionError as e:
        print(expr, "->", e)
