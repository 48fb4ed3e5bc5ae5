# Float repr is the shortest string that round-trips.
values = [0.1, 0.2, 0.1 + 0.2, 1 / 3, 2 / 3, 1.0, 100.0, 1e16, 1e15, 123456789012345678.0,
          1e-5, 0.0001, 1e-4 * 3, 1.5e300, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308,
          0.3, 3.14159, 2.5, 1e22, 1e23, 9007199254740993.0, 0.1 * 3, 1.1 * 1.1, 100.0 / 3]
for v in values:
    print(repr(v), str(v))
print(0.1 + 0.2 == 0.3, abs((0.1 + 0.2) - 0.3) < 1e-9)
print(float("1e16"), float("0.000001"), float("-12.50"), float(" 7 "), float("1_000.5"))
print(round(2.675, 2), round(1.005, 2), round(0.5), round(1.5), round(-0.5))
print(1e16 + 1, 2 ** 53 + 1.0, float(2 ** 53 + 1))
print(f"{0.1:.20f}", f"{1/3:.17g}", f"{2.5:.0f}", f"{3.5:.0f}")
print(3.0 * 1.1, 0.7 + 0.1, 0.8 - 0.1, 4.35 * 100)
print(float.fromhex("0x1.8p1"), (0.1).hex(), (1.5).as_integer_ratio(), (0.1).is_integer())
print(int(3.99), int(-3.99), float(10), 7 / 7)
