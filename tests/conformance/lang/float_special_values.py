# inf, nan and signed zero: repr, comparisons, arithmetic, conversions.
import math
inf = float("inf")
nan = float("nan")
print(inf, -inf, nan, repr(-nan), float("-inf"), float("Infinity"), float("NaN"))
print(inf + 1, inf - inf, inf * 0, 1 / inf, -1 / inf, inf > 1e308, -inf < -1e308)
print(nan == nan, nan != nan, nan < 1, nan > 1, math.isnan(nan), math.isinf(-inf))
print(nan in [nan], [nan] == [nan], nan is nan)
neg_zero = -0.0
print(neg_zero, 0.0 == -0.0, math.copysign(1, neg_zero), repr(-0.0 * 1), 0.0 * -1)
print(abs(-0.0), -0.0 + 0.0, str(-0.0), f"{-0.0:.2f}", round(-0.4), round(-0.4, 1))
print(1e308 * 10, -1e308 * 10, 2.0 ** 1024 if False else "skip", 1e-320 / 1e10)
try:
    2.0 ** 10000
except OverflowError as e:
    print("OverflowError:", e)
try:
    int(inf)
except OverflowError as e:
    print("OverflowError:", e)
try:
    int(nan)
except ValueError as e:
    print("ValueError:", e)
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError:", e)
print(max(1, nan), max(nan, 1), min(inf, 3), sorted([3, inf, -inf, 0.5]))
print(f"{inf:f} {nan:.2f} {-inf:e} {inf:%}", format(nan, ">6"))
print(math.inf == inf, math.isfinite(1e308), math.isfinite(inf), hash(inf), hash(-inf))
