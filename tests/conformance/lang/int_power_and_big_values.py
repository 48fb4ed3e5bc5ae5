# Integer arithmetic up to the 64-bit boundaries (LoopLab ints are 64-bit).
MAX64, MIN64 = 9223372036854775807, -9223372036854775807 - 1  # the int64 edges
big = 2 ** 62
print(big, big - 1 + big, -big - big, MAX64, MIN64)
print(9223372036854775807, MIN64 + 1 - 1, 9223372036854775806 + 1, -9223372036854775807 - 1)
print(3 ** 39, 7 ** 22, (-3) ** 39, (-2) ** 63, 10 ** 18, 2 ** 0)
print(3037000499 * 3037000499, -3037000499 * 3037000499, 4294967296 * 2147483647)
print(MAX64 // 3, MAX64 % 1000007, MIN64 // 7, MIN64 % 7)
print(10 ** 18 // 10 ** 17, 10 ** 17 * 10, MAX64 // -1, MIN64 // MAX64)
n = 1
for i in range(1, 21):
    n *= i
print("20! =", n)
print(int("9223372036854775807"), int("-9223372036854775808"), str(2 ** 62), int(" +42 "))
print((2 ** 62).bit_length(), (255).bit_length(), (-1).bit_length(), MAX64.bit_length())
print(1 << 62, (1 << 62) >> 60, -1 >> 10, -(1 << 62) >> 1, MAX64 >> 31)
print(abs(-(2 ** 62)), abs(-MAX64), hex(MAX64), bin(2 ** 62), oct(MIN64))
print(2 ** 61 + 2 ** 61, (2 ** 62 - 1) * 2, 4611686018427387903 * 2)
print(0x7FFFFFFFFFFFFFFF & 0x0F0F, 0xFFFF ^ 2 ** 62, (2 ** 62) | 1)
print(float(2 ** 62), int(1e18), int(2.5e18), int(-9.2e18), 2 ** 62 == 2.0 ** 62)
print(float(MAX64), MAX64 / 2, float(2 ** 53 + 2), int(float(MAX64 // 2)))
print(max(2 ** 62, 2 ** 61), -2 ** 62 < -2 ** 61, sum([2 ** 62, 2 ** 61, 2 ** 60]))
