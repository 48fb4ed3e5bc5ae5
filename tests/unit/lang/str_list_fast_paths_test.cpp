// The fast paths of str and list methods (str_type.cpp, list_type.cpp) and of number
// formatting (support/float_format.cpp, format_spec.cpp) must print what CPython prints:
// each program mixes inputs that take the fast path with inputs that must not.
#include <catch2/catch.hpp>

#include <string>

#include "tests/unit/lang/like_cpython.hpp"

using looplab::testing::expect_like_cpython;

TEST_CASE("str methods on ASCII text give results whose length and indexing are right") {
  expect_like_cpython(R"(
texts = ["item-00012: value= 36", "  Mixed Case  ", "caf\u00e9 cr\u00e8me", "", "x", "\u0101b\u0101"]
for t in texts:
    results = [t.upper(), t.lower(), t.capitalize(), t.strip(), t.lstrip(), t.rstrip(),
               t.replace("e", "\u00e9"), t.replace("e", "E"), t.replace("", "-"),
               "|".join([t, t]), "\u00e9".join([t, "a"]), "".join(t.split(" ")),
               "-".join(tuple(t.split())), ",".join(c for c in t)]
    for r in results:
        print(repr(r), len(r), r[-1:] if r else "", r[len(r) // 2:] if r else "")
    print(t.find("e"), t.rfind("e"), t.find("e", 2), t.find("\u00e8"), t.count("e"))
    print(t.split(":"), t.rsplit(" ", 1), t.strip(" x"), t.split())
try:
    ",".join(["a", 1])
except TypeError as e:
    print(e)
)");
}

TEST_CASE("sorting by int and tuple keys is stable and raises as CPython on mixed keys") {
  expect_like_cpython(R"(
import random
random.seed(3)
for n in (10, 64, 65, 300):
    data = [random.randint(-4, 4) for _ in range(n)]
    print(sorted(range(n), key=lambda i: data[i]))
    print(sorted(range(n), key=lambda i: data[i], reverse=True))
    print(sorted(range(n), key=lambda i: (data[i] % 3, -data[i])))
    print(sorted(range(n), key=lambda i: (data[i] % 2, data[i], i % 3), reverse=True))
    pairs = [(v % 3, str(v)) for v in data]
    pairs.sort()
    print(pairs)
    print(sorted([(v, v % 2 == 0) for v in data]))
    print(sorted([float(v) for v in data] + data))
for bad in ([1] * 40 + [(1,)] * 40, [(1,)] * 40 + [1] * 40, [(1, 2)] * 40 + [(1, "a")] * 40):
    try:
        sorted(bad)
    except TypeError as e:
        print(e)
print(sorted([(1, 2)] * 40 + [(1, 2, 0)] * 40)[38:42])
for key in (lambda x: 1 / (x - 1), None):
    lst = [3, 1, "a", 2] if key is None else [3, 1, 2] * 30
    try:
        lst.sort(key=key)
    except (TypeError, ZeroDivisionError) as e:
        print(type(e).__name__, lst[:6], len(lst))
grow = [1, 2]
grow.extend(grow)
grow.extend((3, 4))
grow.extend([5])
grow.extend(range(6, 8))
grow.extend("ab")
print(grow, len(grow))
print([3, 1, 2].index(2))
try:
    [1, 2].index(5)
except ValueError as e:
    print(e)
try:
    (1, 2).index(5)
except ValueError as e:
    print(e)
)");
}

TEST_CASE("fixed and exponent float formats round exactly at every precision") {
  expect_like_cpython(R"(
values = [0.0, -0.0, 0.5, 1.5, 2.5, 0.125, 1 / 3, 2 / 3, 1e22, 1.7976931348623157e308,
          5e-324, 123456.789, -9.995, 0.1 + 0.2, 21428.428571428572]
for v in values:
    print(f"{v:.2f}|{v:.0f}|{v:.17f}|{v:.3e}|{v:.0e}|{v:g}|{v:.12g}|{v:%}|{v:+010.3f}|{v:,.2f}")
    print("%.5f %.10e %E %G %r" % (v, v, v, v, v))
    print(format(v, ".60f"), format(v, ".30e"), round(v, 3), round(v, -2))
print(format(2 ** 60, "x"), format(-255, "#o"), format(255, "#b"), format(12345678, "_d"),
      format(-42, "08d"), format(7, "+"), f"{99:>6}", f"{-5:=8}", f"{1234567:,}")
print(f"{5e-324:.1100f}"[-10:], f"{1e300:.3f}"[:12])
)");
}
