# int vs float comparisons are exact, as CPython's float_richcompare: no rounding of the
# int to a double first (2**53 + 1 has no float of its own).
BIG = 2 ** 53 + 1
MAX64 = 9223372036854775807
MIN64 = -MAX64 - 1
for i, f in [(BIG, float(BIG)), (BIG - 1, float(BIG)), (-BIG, float(-BIG)), (MAX64, float(MAX64)),
             (MAX64, 9.223372036854776e18), (MIN64, float(MIN64)), (MIN64 + 1, float(MIN64)),
             (2 ** 62 + 1, 2.0 ** 62), (3, 3.0), (3, 3.5), (-3, -3.5), (0, -0.0), (7, 1e300),
             (-7, -1e300), (1, float("inf")), (1, float("-inf")), (1, float("nan"))]:
    print(i, repr(f), i == f, i != f, i < f, i <= f, i > f, i >= f)
    print(repr(f), i, f == i, f != i, f < i, f <= i, f > i, f >= i)
print(True == 1.0, False < 0.5, True > 0.99999, 2 ** 60 + 1 == 2.0 ** 60)
d = {BIG: "int", 2.0 ** 60: "float"}
print(float(BIG) in d, BIG in d, 2 ** 60 in d, 2 ** 60 + 1 in d, d.get(float(BIG)))
print(sorted([BIG, float(BIG), BIG - 2, 9007199254740992.5 - 0.5]))
print(max(BIG, float(BIG)), min(BIG, float(BIG)), max(float(BIG), BIG))
print({BIG, float(BIG)} == {float(BIG), BIG}, len({BIG, float(BIG)}))
print([BIG, 1.5].index(BIG), [float(BIG)].count(BIG), (BIG,) == (float(BIG),))
