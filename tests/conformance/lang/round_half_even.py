# round(): banker's rounding for halves, ndigits, negative ndigits, ints vs floats.
for x in [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5, 4.5, 5.5]:
    print(x, round(x), type(round(x)).__name__)
print(round(0.125, 2), round(0.375, 2), round(2.675, 2), round(1.25, 1), round(1.35, 1))
print(round(12345, -2), round(12350, -2), round(12450, -2), round(-12350, -2))
print(round(1234.5678, -2), round(1234.5678, 0), round(1234.5678, 3), type(round(2.5, 0)).__name__)
print(round(7), round(7, 2), round(True), round(-7.5), round(1e16 + 0.5))
print(round(0.1 + 0.2, 15), round(0.1 + 0.2, 16), round(0.1 + 0.2, 17))
print(round(5e-324, 400), round(1.5e300, -299), round(float("inf"), 2))
try:
    round(float("inf"))
except OverflowError as e:
    print("OverflowError:", e)
try:
    round(float("nan"))
except ValueError as e:
    print("ValueError:", e)
print(f"{0.125:.2f} {0.375:.2f} {2.5:.0f} {1.5:.0f} {-2.5:.0f}")
print("%.1f %.1f %.2f" % (0.25, 0.35, 1.005))
