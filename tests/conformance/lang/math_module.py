# The math module: constants and functions printed with full float repr.
import math
print(math.pi, math.e, math.tau, math.inf, math.nan)
print(math.sqrt(2), math.sqrt(16), math.isqrt(17), math.pow(2, 0.5), math.exp(1), math.exp(-1))
print(math.log(100), math.log(100, 10), math.log10(1000), math.log2(1024), math.log1p(1e-10))
print(math.sin(math.pi / 6), math.cos(0), math.tan(math.pi / 4), math.atan2(1, 1), math.asin(1), math.acos(0))
print(math.hypot(3, 4), math.degrees(math.pi), math.radians(180), math.dist((0, 0), (1, 1)))
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.7), math.floor(3), type(math.floor(2.5)).__name__)
print(math.fabs(-3), math.factorial(20), math.gcd(48, 18), math.lcm(4, 6), math.comb(10, 3), math.perm(5, 2))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.prod([1, 2, 3, 4]), math.copysign(3, -0.0))
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1, 1.1), math.fmod(-7, 3), -7 % 3, math.modf(3.75))
print(math.frexp(8.0), math.ldexp(0.5, 4), math.isfinite(1.0), math.isinf(math.inf), math.isnan(0.0))
print(math.cosh(1), math.sinh(1), math.tanh(0.5), math.erf(0.5), math.gamma(5), math.lgamma(10))
for bad in [lambda: math.sqrt(-4), lambda: math.log(0), lambda: math.factorial(-1), lambda: math.acos(2)]:
    try:
        bad()
    except ValueError as e:
        print("ValueError:", e)
try:
    math.exp(1000)
except OverflowError as e:
    print("OverflowError:", e)
