# Bitwise operators on ints, including negatives (two's complement semantics).
MAX64, MIN64 = 9223372036854775807, -9223372036854775807 - 1  # the int64 edges
vals = [0, 1, 5, 12, -1, -6, 255]
for a in vals:
    print(a, a & 0xF, a | 0x10, a ^ 0b101, ~a, a << 3, a >> 1)
print(-6 >> 1, -1 >> 100, 1 << 62, -(1 << 62) >> 61, 0b1111 & -0b10, 1 >> 64, 5 >> 1000)
lo, hi = MIN64, MAX64
print(lo & hi, lo | hi, lo ^ hi, ~lo, ~hi, lo >> 63, hi >> 62, lo >> 1, (1 << 62) - 1 + (1 << 62) == hi)
print(hi.bit_length(), lo.bit_length(), hi.bit_count(), lo.bit_count(), (-1) << 63 == lo)
print(bin(-5), bin(-5 & 0xFF), hex(-255), (-5).bit_length(), (1023).bit_count())
print(5 & 3 | 8 ^ 2, (5 & 3) | (8 ^ 2), 1 + 2 << 3, 1 + (2 << 3), ~0 & 0xFFFF)
try:
    1 << -1
except ValueError as e:
    print("ValueError:", e)
try:
    1.5 & 1
except TypeError as e:
    print("TypeError:", e)
flags = 0
for bit in [0, 3, 5]:
    flags |= 1 << bit
print(flags, bin(flags), [b for b in range(8) if flags >> b & 1])
print(True & 3, False | 4, 6 ^ True)
