# divmod() and pow() including three-argument pow and negative exponents.
for a, b in [(17, 5), (-17, 5), (17, -5), (-17, -5), (2 ** 70, 12345)]:
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
