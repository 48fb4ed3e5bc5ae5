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

// [SECTION] Gamma ----------------------------------------------------------------------------
// CPython 3.11 does not call libm's tgamma/lgamma (their quality varies by platform): it
// evaluates a Lanczos approximation (N = 13, g = 6.024680040776729583740234375, Boost's
// parameters) as a rational function and uses the reflection formula for x < 0. Results
// must match it to the last bit, so this is the same method with the same constants.

namespace {

constexpr double kPi = 3.141592653589793238462643383279502884197;
constexpr double kLogPi = 1.144729885849400174143427351353058711647;
constexpr double kLanczosG = 6.024680040776729583740234375;
constexpr double kLanczosGMinusHalf = 5.524680040776729583740234375;
constexpr int kLanczosN = 13;
constexpr double kLanczosNum[kLanczosN] = {
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
};
// x * (x + 1) * ... * (x + 11), expanded.
constexpr double kLanczosDen[kLanczosN] = {0.0,       39916800.0, 120543840.0, 150917976.0, 105258076.0,
                                           45995730.0, 13339535.0, 2637558.0,  357423.0,    32670.0,
                                           1925.0,     66.0,       1.0};
// gamma(n) for n = 1 .. 23: exact in a double.
constexpr int kGammaIntegral = 23;
constexpr double kFactorials[kGammaIntegral] = {
    1.0, 1.0, 2.0, 6.0, 24.0, 120.0, 720.0, 5040.0, 40320.0, 362880.0, 3628800.0, 39916800.0,
    479001600.0, 6227020800.0, 87178291200.0, 1307674368000.0, 20922789888000.0,
    355687428096000.0, 6402373705728000.0, 121645100408832000.0, 2432902008176640000.0,
    51090942171709440000.0, 1124000727777607680000.0};

// sin(pi * x), exact at integers and half-integers (the reflection formula needs that).
double sin_pi(double x) {
    double y = std::fmod(std::fabs(x), 2.0);
    double r = 0.0;
    switch (static_cast<int>(std::round(2.0 * y))) {
        case 0: r = std::sin(kPi * y); break;
        case 1: r = std::cos(kPi * (y - 0.5)); break;
        case 2: r = std::sin(kPi * (1.0 - y)); break;  // keeps +0.0 at y == 1
        case 3: r = -std::cos(kPi * (y - 1.5)); break;
        default: r = std::sin(kPi * (y - 2.0)); break;
    }
    return std::copysign(1.0, x) * r;
}

// The Lanczos sum for x > 0; in 1/x above 5 so that the powers cannot overflow.
double lanczos_sum(double x) {
    double num = 0.0, den = 0.0;
    if (x < 5.0) {
        for (int i = kLanczosN - 1; i >= 0; --i) {
            num = num * x + kLanczosNum[i];
            den = den * x + kLanczosDen[i];
        }
    } else {
        for (int i = 0; i < kLanczosN; ++i) {
            num = num / x + kLanczosNum[i];
            den = den / x + kLanczosDen[i];
        }
    }
    return num / den;
}

// gamma(x) for 1e-20 <= |x| <= 200; above 140 the power is taken as two halves so that
// it cannot overflow before the division.
double lanczos_gamma(double x) {
    double absx = std::fabs(x);
    double y = absx + kLanczosGMinusHalf;
    // The rounding error of y, carried through as a first-order correction factor.
    double q = absx > kLanczosGMinusHalf ? y - absx : y - kLanczosGMinusHalf;
    double z = absx > kLanczosGMinusHalf ? q - kLanczosGMinusHalf : q - absx;
    z = z * kLanczosG / y;
    if (x < 0.0) {
        double r = -kPi / sin_pi(absx) / absx * std::exp(y) / lanczos_sum(absx);
        r -= z * r;
        if (absx < 140.0)
            return r / std::pow(y, absx - 0.5);
        double half = std::pow(y, absx / 2.0 - 0.25);
        return r / half / half;
    }
    double r = lanczos_sum(absx) / std::exp(y);
    r += z * r;
    if (absx < 140.0)
        return r * std::pow(y, absx - 0.5);
    double half = std::pow(y, absx / 2.0 - 0.25);
    return r * half * half;
}

} // namespace

Outcome<double> gamma(double x) {
    if (std::isnan(x) || x == INFINITY)
        return x;
    if (std::isinf(x) || x == 0.0 || (x == std::floor(x) && x < 0.0))
        return domain_error();
    if (x == std::floor(x) && x <= kGammaIntegral)
        return kFactorials[static_cast<int>(x) - 1];
    double absx = std::fabs(x);
    if (absx < 1e-20) {
        double r = 1.0 / x;
        if (std::isinf(r))
            return overflow_error("math range error");
        return r;
    }
    if (absx > 200.0) {
        if (x < 0.0)
            return 0.0 / sin_pi(x);
        return overflow_error("math range error");
    }
    double r = lanczos_gamma(x);
    if (std::isinf(r))
        return overflow_error("math range error");
    return r;
}

Outcome<double> lgamma(double x) {
    if (std::isnan(x))
        return x;
    if (std::isinf(x))
        return INFINITY;
    if (x == std::floor(x) && x <= 2.0) {
        if (x <= 0.0)
            return domain_error();
        return 0.0;
    }
    double absx = std::fabs(x);
    if (absx < 1e-20)
        return -std::log(absx);
    double r = std::log(lanczos_sum(absx)) - kLanczosG;
    r += (absx - 0.5) * (std::log(absx + kLanczosG - 0.5) - 1);
    if (x < 0.0)
        r = kLogPi - std::log(std::fabs(sin_pi(absx))) - std::log(absx) - r;
    if (std::isinf(r))
        return overflow_error("math range error");
    return r;
}

} // namespace looplab::lang::support::pymath
