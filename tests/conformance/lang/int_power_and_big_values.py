# Integer arithmetic at and beyond 64-bit boundaries; arbitrary precision.
big = 2 ** 63
print(big - 1, big, -big, -big - 1)
print(2 ** 64, 2 ** 64 - 1, (2 ** 64) * (2 ** 64))
print(9223372036854775807 + 1, -9223372036854775808 - 1)
print(3 ** 40, 7 ** 25)
print(12345678901234567890 * 98765432109876543210)
print(2 ** 100 // 3, 2 ** 100 % 1000007, -(2 ** 70) // 7, -(2 ** 70) % 7)
print(10 ** 20 // 10 ** 19, 10 ** 18 * 10)
n = 1
for i in range(1, 26):
    n *= i
print("25! =", n)
print(int("123456789012345678901234567890"), str(2 ** 70))
print((2 ** 64).bit_length(), (255).bit_length(), (-1).bit_length())
print(1 << 70, (1 << 70) >> 65, -1 >> 10, -(1 << 64) >> 1)
print(abs(-(2 ** 65)), hex(2 ** 64), bin(2 ** 65), oct(2 ** 20))
print(2 ** 62 + 2 ** 62, (2 ** 63 - 1) * 2, 4611686018427387904 * 2)
print(0xFFFFFFFFFFFFFFFF & 0x0F0F, 0xFFFF ^ 2 ** 64, (2 ** 64) | 1)
print(float(2 ** 63), int(1e20), int(2.5e18), 2 ** 63 == 2.0 ** 63)
print(max(2 ** 64, 2 ** 63), -2 ** 64 < -2 ** 63)
