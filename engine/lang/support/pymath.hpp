#pragma once
// The parts of Python's `math` module that <cmath> does not already give with
// CPython's exact results and error messages (Modules/mathmodule.c, 3.11).
//
// Integer functions work on int64. When the true result does not fit, they
// return OverflowError with the message kIntResultTooLarge: that is LoopLab's
// limit, not CPython's (CPython would return a big int), so the VM should either
// compute the result with its big ints or raise that error.

#include "engine/lang/support/py_error.hpp"

#include <cstdint>
#include <optional>
#include <span>

namespace looplab::lang::support::pymath {

inline constexpr const char* kIntResultTooLarge = "integer overflow (LoopLab ints are 64-bit)";

// isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0).
Outcome<bool> isclose(double a, double b, double rel_tol = 1e-09, double abs_tol = 0.0);

// fsum(values): the correctly rounded sum (Shewchuk partials, CPython's msum),
// with "intermediate overflow in fsum" / "-inf + inf in fsum" errors.
Outcome<double> fsum(std::span<const double> values);

// gcd(*ints) / lcm(*ints): gcd() == 0, lcm() == 1; results are non-negative.
Outcome<std::int64_t> gcd(std::span<const std::int64_t> values);
Outcome<std::int64_t> lcm(std::span<const std::int64_t> values);

// factorial(n), comb(n, k), perm(n, k) (perm(n) == perm(n, n)), isqrt(n).
Outcome<std::int64_t> factorial(std::int64_t n);
Outcome<std::int64_t> comb(std::int64_t n, std::int64_t k);
Outcome<std::int64_t> perm(std::int64_t n, std::optional<std::int64_t> k = std::nullopt);
Outcome<std::int64_t> isqrt(std::int64_t n);

// floor(x) / ceil(x) of a float, as an int.
Outcome<std::int64_t> floor(double x);
Outcome<std::int64_t> ceil(double x);
// int(x) of a float (truncation), with the same errors.
Outcome<std::int64_t> trunc_to_int(double x);

// log(x), log(x, base), log2(x), log10(x) for float arguments; an int argument
// n must be passed as static_cast<double>(n) (CPython converts the same way for
// ints below 2**1024) after the VM checked n > 0 ("math domain error").
Outcome<double> log(double x);
Outcome<double> log(double x, double base);
Outcome<double> log2(double x);
Outcome<double> log10(double x);

// gamma(x) and lgamma(x) as CPython computes them (its own Lanczos code, not libm's).
Outcome<double> gamma(double x);
Outcome<double> lgamma(double x);

} // namespace looplab::lang::support::pymath
