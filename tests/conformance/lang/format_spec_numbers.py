# Format specs for numbers: precision, e/g/%, thousands separators, signs, bases.
MAX64, MIN64 = 9223372036854775807, -9223372036854775807 - 1  # the int64 edges
x = 1234567.891
print(f"{x:.2f}|{x:,}|{x:,.1f}|{x:_.3f}|{x:e}|{x:.3e}|{x:E}|{x:g}|{x:.3g}|{x:G}")
print(f"{0.5:%}|{0.125:.1%}|{1:.0%}|{-0.0001:.2%}")
print(f"{3.14159:08.3f}|{-3.14159:08.3f}|{42:05d}|{-42:05d}|{42:+d}|{42: d}|{-42: d}")
print(f"{255:x}|{255:X}|{255:#x}|{255:o}|{255:#o}|{255:b}|{255:#b}|{255:08b}|{65:c}")
print(f"{1234567:,d}|{1234567:_d}|{-1234567:,}|{0xDEADBEEF:_x}|{1e21:f}")
print(f"{1e-7:g}|{1e16:g}|{123456789:g}|{0.0001:g}|{0.00001:g}|{100000.0:g}|{1000000.0:g}")
print(f"{12:.2f}|{12:e}|{7:%}|{2.5:n}|{3:.1f}|{True:d}|{False:.1f}")
print(f"{1.0:}|{1e16:}|{1.5:.0}|{0.1:.3}|{123.456:.2}|{float('nan'):g}|{-float('inf'):F}")
print(format(9.995, ".2f"), format(-1.5, "+.1f"), format(MAX64, ","), format(0.1, ".25f"))
print(f"{MIN64:_d}|{MAX64:#x}|{MIN64:#b}|{MAX64:+,}|{MIN64:o}")
print(f"{10:{'>'}{8}}|{3.14159:.{3}f}|{'mid':^{9}}|")
try:
    f"{'text':d}"
except ValueError as e:
    print("ValueError:", e)
try:
    format(1.5, "x")
except ValueError as e:
    print("ValueError:", e)
