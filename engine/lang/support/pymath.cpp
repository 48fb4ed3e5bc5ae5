#include "engine/lang/support/pymath.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

namespace looplab::lang::support::pymath {

namespace {

PyError too_large() {
    return overflow_error(kIntResultTooLarge);
}

PyError domain_error() {
    return value_error("math domain error");
}

std::uint64_t magnitude(std::int64_t v) {
    return v < 0 ? 0 - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
}

Outcome<std::int64_t> checked(std::uint64_t v) {
    if (v > static_cast<std::uint64_t>(INT64_MAX))
        return too_large();
    return static_cast<std::int64_t>(v);
}

// Adds x to the Shewchuk partials; a non-finite running sum is recorded apart.
struct PartialSums {
    std::vector<double> partials;
    double special_sum = 0.0;
    double inf_sum = 0.0;

    std::optional<PyError> add(double x) {
        const double original = x;
        std::size_t kept = 0;
        for (double y : partials) {
            if (std::fabs(x) < std::fabs(y))
                std::swap(x, y);
            double hi = x + y;
            double lo = y - (hi - x);
            if (lo != 0.0)
                partials[kept++] = lo;
            x = hi;
        }
        partials.resize(kept);
        if (x == 0.0)
            return std::nullopt;
        if (!std::isfinite(x)) {
            if (std::isfinite(original))
                return overflow_error("intermediate overflow in fsum");
            if (std::isinf(original))
                inf_sum += original;
            special_sum += original;
            partials.clear();
        } else {
            partials.push_back(x);
        }
        return std::nullopt;
    }

    double total() const {
        std::size_t n = partials.size();
        double hi = 0.0;
        double lo = 0.0;
        if (n == 0)
            return hi;
        hi = partials[--n];
        while (n > 0) {
            double x = hi;
            double y = partials[--n];
            hi = x + y;
            lo = y - (hi - x);
            if (lo != 0.0)
                break;
        }
        // Half-even rounding across partials: a residual of the same sign as
        // the next partial pushes a tie the right way.
        if (n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0))) {
            double y = lo * 2.0;
            double x = hi + y;
            if (y == x - hi)
                hi = x;
        }
        return hi;
    }
};

Outcome<std::int64_t> float_to_int(double x) {
    if (std::isinf(x))
        return overflow_error("cannot convert float infinity to integer");
    if (std::isnan(x))
        return value_error("cannot convert float NaN to integer");
    // 2**63 is exact as a double; every integral double below it fits.
    if (x >= 9223372036854775808.0 || x < -9223372036854775808.0)
        return too_large();
    return static_cast<std::int64_t>(x);
}

// m_log of mathmodule.c: EDOM (reported as "math domain error") for x <= 0.
Outcome<double> checked_log(double x, double (*fn)(double)) {
    if (std::isnan(x))
        return x;
    if (std::isinf(x)) {
        if (x > 0)
            return x;
        return domain_error();
    }
    if (x <= 0.0)
        return domain_error();
    return fn(x);
}

} // namespace

Outcome<bool> isclose(double a, double b, double rel_tol, double abs_tol) {
    if (rel_tol < 0.0 || abs_tol < 0.0)
        return value_error("tolerances must be non-negative");
    if (a == b)
        return true;
    if (std::isinf(a) || std::isinf(b))
        return false;
    double diff = std::fabs(b - a);
    return diff <= std::fabs(rel_tol * b) || diff <= std::fabs(rel_tol * a) || diff <= abs_tol;
}

Outcome<double> fsum(std::span<const double> values) {
    PartialSums sums;
    for (double x : values)
        if (auto err = sums.add(x))
            return *err;
    if (sums.special_sum != 0.0 || std::isnan(sums.special_sum)) {
        if (std::isnan(sums.inf_sum))
            return value_error("-inf + inf in fsum");
        return sums.special_sum;
    }
    return sums.total();
}

Outcome<std::int64_t> gcd(std::span<const std::int64_t> values) {
    std::uint64_t g = 0;
    for (std::int64_t v : values)
        g = std::gcd(g, magnitude(v));
    return checked(g);
}

Outcome<std::int64_t> lcm(std::span<const std::int64_t> values) {
    // Any zero makes the result 0, however large the partial lcm got.
    if (std::find(values.begin(), values.end(), 0) != values.end())
        return std::int64_t{0};
    std::uint64_t l = 1;
    for (std::int64_t v : values) {
        std::uint64_t m = magnitude(v);
        std::uint64_t step = m / std::gcd(l, m);
        if (l > UINT64_MAX / step)
            return too_large();
        l *= step;
    }
    return checked(l);
}

Outcome<std::int64_t> factorial(std::int64_t n) {
    if (n < 0)
        return value_error("factorial() not defined for negative values");
    if (n > 20)
        return too_large();
    std::int64_t f = 1;
    for (std::int64_t i = 2; i <= n; ++i)
        f *= i;
    return f;
}

Outcome<std::int64_t> comb(std::int64_t n, std::int64_t k) {
    if (n < 0)
        return value_error("n must be a non-negative integer");
    if (k < 0)
        return value_error("k must be a non-negative integer");
    if (k > n)
        return std::int64_t{0};
    k = std::min(k, n - k);
    // result_i = C(n - k + i, i) is an integer at every step; divide before
    // multiplying by the gcd trick to delay overflow.
    std::uint64_t result = 1;
    for (std::int64_t i = 1; i <= k; ++i) {
        auto factor = static_cast<std::uint64_t>(n - k + i);
        auto divisor = static_cast<std::uint64_t>(i);
        std::uint64_t g = std::gcd(result, divisor);
        std::uint64_t r = result / g;
        std::uint64_t d = divisor / g;
        std::uint64_t f = factor / d; // d divides factor once r and d are coprime
        if (r != 0 && f > UINT64_MAX / r)
            return too_large();
        result = r * f;
    }
    return checked(result);
}

Outcome<std::int64_t> perm(std::int64_t n, std::optional<std::int64_t> k) {
    if (!k)
        return factorial(n);
    if (n < 0)
        return value_error("n must be a non-negative integer");
    if (*k < 0)
        return value_error("k must be a non-negative integer");
    if (*k > n)
        return std::int64_t{0};
    std::uint64_t result = 1;
    for (std::int64_t i = 0; i < *k; ++i) {
        auto factor = static_cast<std::uint64_t>(n - i);
        if (factor != 0 && result > UINT64_MAX / factor)
            return too_large();
        result *= factor;
    }
    return checked(result);
}

Outcome<std::int64_t> isqrt(std::int64_t n) {
    if (n < 0)
        return value_error("isqrt() argument must be nonnegative");
    auto root = static_cast<std::int64_t>(std::sqrt(static_cast<double>(n)));
    while (root > 0 && (root > 3037000499 || root * root > n))
        --root;
    while (root + 1 <= 3037000499 && (root + 1) * (root + 1) <= n)
        ++root;
    return root;
}

Outcome<std::int64_t> floor(double x) {
    return float_to_int(std::isfinite(x) ? std::floor(x) : x);
}

Outcome<std::int64_t> ceil(double x) {
    return float_to_int(std::isfinite(x) ? std::ceil(x) : x);
}

Outcome<std::int64_t> trunc_to_int(double x) {
    return float_to_int(std::isfinite(x) ? std::trunc(x) : x);
}

Outcome<double> log(double x) {
    return checked_log(x, [](double v) { return std::log(v); });
}

Outcome<double> log(double x, double base) {
    Outcome<double> num = log(x);
    if (std::holds_alternative<PyError>(num))
        return num;
    Outcome<double> den = log(base);
    if (std::holds_alternative<PyError>(den))
        return den;
    if (std::get<double>(den) == 0.0)
        return PyError{"ZeroDivisionError", "float division by zero"};
    return std::get<double>(num) / std::get<double>(den);
}

Outcome<double> log2(double x) {
    return checked_log(x, [](double v) { return std::log2(v); });
}

Outcome<double> log10(double x) {
    return checked_log(x, [](double v) { return std::log10(v); });
}

} // namespace looplab::lang::support::pymath
