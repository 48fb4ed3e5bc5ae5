# divmod() and pow() including three-argument pow and negative exponents.
MAX64, MIN64 = 9223372036854775807, -9223372036854775807 - 1  # the int64 edges
for a, b in [(17, 5), (-17, 5), (17, -5), (-17, -5), (2 ** 62, 12345),
             (MAX64, -10), (MIN64, 7), (MIN64, -1 - 2 ** 62)]:
    print(a, b, divmod(a, b))
print(divmod(7.5, 2), divmod(-7.5, 2), divmod(1, 0.3))
print(pow(2, 10), pow(2, 10, 1000), pow(3, 200, 1000000007), pow(-3, 3, 7))
print(pow(2, -2), pow(2.0, 3), pow(4, 0.5), pow(0, 0))
print(pow(38, -1, 97), (38 * pow(38, -1, 97)) % 97)
try:
    pow(2, 3, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    pow(2, -1, 4)
except ValueError as e:
    print("ValueError:", e)
try:
    pow(2.0, 3, 5)
except TypeError as e:
    print("TypeError:", e)
try:
    divmod("a", 2)
except TypeError as e:
    print("TypeError:", e)
print(2 ** 0.5, 10 ** -2, 0.5 ** 3)
print(pow(10, 25, 10 ** 9 + 7), pow(7, 2 ** 40, 13))
print(pow(3, 39), pow(-2, 63), pow(2 ** 62 + 1, 2 ** 62 - 3, 2 ** 61 - 1), pow(5, -3, 2 ** 62 + 7))
print(pow(MAX64 - 1, MAX64, MAX64), pow(MIN64, 3, 1000003), pow(7, 0, 1))
