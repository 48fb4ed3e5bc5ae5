#include "engine/lang/support/random.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <numbers>
#include <string>
#include <unordered_set>

namespace looplab::lang::support {

// [SECTION] MersenneTwister --------------------------------------------------

void MersenneTwister::init_genrand(std::uint32_t s) {
    mt_[0] = s;
    for (int i = 1; i < kN; ++i) {
        std::uint32_t prev = mt_[static_cast<std::size_t>(i - 1)];
        mt_[static_cast<std::size_t>(i)] = 1812433253U * (prev ^ (prev >> 30)) + static_cast<std::uint32_t>(i);
    }
    mti_ = kN;
}

void MersenneTwister::init_by_array(std::span<const std::uint32_t> key) {
    init_genrand(19650218U);
    std::size_t i = 1;
    std::size_t j = 0;
    const std::size_t n = kN;
    for (std::size_t k = std::max(n, key.size()); k > 0; --k) {
        std::uint32_t prev = mt_[i - 1];
        mt_[i] = (mt_[i] ^ ((prev ^ (prev >> 30)) * 1664525U)) + key[j] + static_cast<std::uint32_t>(j);
        ++i;
        ++j;
        if (i >= n) {
            mt_[0] = mt_[n - 1];
            i = 1;
        }
        if (j >= key.size())
            j = 0;
    }
    for (std::size_t k = n - 1; k > 0; --k) {
        std::uint32_t prev = mt_[i - 1];
        mt_[i] = (mt_[i] ^ ((prev ^ (prev >> 30)) * 1566083941U)) - static_cast<std::uint32_t>(i);
        ++i;
        if (i >= n) {
            mt_[0] = mt_[n - 1];
            i = 1;
        }
    }
    mt_[0] = 0x80000000U; // guarantees a non-zero initial state
}

void MersenneTwister::seed(std::span<const std::uint32_t> magnitude_words) {
    std::size_t used = magnitude_words.size();
    while (used > 0 && magnitude_words[used - 1] == 0)
        --used;
    if (used == 0) {
        const std::uint32_t zero = 0;
        init_by_array(std::span<const std::uint32_t>(&zero, 1));
        return;
    }
    init_by_array(magnitude_words.first(used));
}

void MersenneTwister::seed(std::int64_t n) {
    std::uint64_t magnitude = n < 0 ? ~static_cast<std::uint64_t>(n) + 1 : static_cast<std::uint64_t>(n);
    seed_from_hash(static_cast<std::int64_t>(magnitude));
}

void MersenneTwister::seed_from_hash(std::int64_t hash) {
    auto bits = static_cast<std::uint64_t>(hash);
    const std::array<std::uint32_t, 2> words{static_cast<std::uint32_t>(bits), static_cast<std::uint32_t>(bits >> 32)};
    seed(std::span<const std::uint32_t>(words));
}

std::uint32_t MersenneTwister::genrand_uint32() {
    constexpr int kM = 397;
    constexpr std::uint32_t kMatrixA = 0x9908b0dfU;
    constexpr std::uint32_t kUpper = 0x80000000U;
    constexpr std::uint32_t kLower = 0x7fffffffU;
    auto twist = [&](std::size_t a, std::size_t b, std::size_t c) {
        std::uint32_t y = (mt_[a] & kUpper) | (mt_[b] & kLower);
        mt_[a] = mt_[c] ^ (y >> 1) ^ ((y & 1U) ? kMatrixA : 0U);
    };
    if (mti_ >= kN) {
        std::size_t kk = 0;
        for (; kk < kN - kM; ++kk)
            twist(kk, kk + 1, kk + kM);
        for (; kk < kN - 1; ++kk)
            twist(kk, kk + 1, kk + kM - kN);
        twist(kN - 1, 0, kM - 1);
        mti_ = 0;
    }
    std::uint32_t y = mt_[static_cast<std::size_t>(mti_++)];
    y ^= (y >> 11);
    y ^= (y << 7) & 0x9d2c5680U;
    y ^= (y << 15) & 0xefc60000U;
    y ^= (y >> 18);
    return y;
}

double MersenneTwister::random() {
    std::uint32_t a = genrand_uint32() >> 5;
    std::uint32_t b = genrand_uint32() >> 6;
    return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
}

std::uint64_t MersenneTwister::getrandbits(int k) {
    if (k <= 0)
        return 0;
    if (k <= 32)
        return genrand_uint32() >> (32 - k);
    std::vector<std::uint32_t> words = getrandbits_words(static_cast<std::size_t>(k));
    return words[0] | (static_cast<std::uint64_t>(words[1]) << 32);
}

std::vector<std::uint32_t> MersenneTwister::getrandbits_words(std::size_t k) {
    std::vector<std::uint32_t> words((k + 31) / 32);
    for (std::uint32_t& w : words) {
        std::uint32_t r = genrand_uint32();
        if (k < 32)
            r >>= (32 - k);
        w = r;
        k = k >= 32 ? k - 32 : 0;
    }
    return words;
}

// [SECTION] Random -----------------------------------------------------------

void Random::seed(std::int64_t n) {
    mt_.seed(n);
    gauss_next_.reset();
}

void Random::seed(std::span<const std::uint32_t> magnitude_words) {
    mt_.seed(magnitude_words);
    gauss_next_.reset();
}

void Random::seed_from_hash(std::int64_t hash) {
    mt_.seed_from_hash(hash);
    gauss_next_.reset();
}

std::uint64_t Random::randbelow(std::uint64_t n) {
    int k = std::bit_width(n);
    std::uint64_t r = mt_.getrandbits(k);
    while (r >= n)
        r = mt_.getrandbits(k);
    return r;
}

namespace {

bool words_less(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b) {
    std::size_t size = std::max(a.size(), b.size());
    for (std::size_t i = size; i-- > 0;) {
        std::uint32_t x = i < a.size() ? a[i] : 0;
        std::uint32_t y = i < b.size() ? b[i] : 0;
        if (x != y)
            return x < y;
    }
    return false;
}

} // namespace

std::vector<std::uint32_t> Random::randbelow_words(std::span<const std::uint32_t> n) {
    std::size_t top = n.size();
    while (top > 0 && n[top - 1] == 0)
        --top;
    std::size_t k = top == 0 ? 0 : (top - 1) * 32 + static_cast<std::size_t>(std::bit_width(n[top - 1]));
    std::vector<std::uint32_t> r = mt_.getrandbits_words(k);
    while (!words_less(r, n))
        r = mt_.getrandbits_words(k);
    return r;
}

namespace {

std::uint64_t as_unsigned(std::int64_t v) {
    return static_cast<std::uint64_t>(v);
}

// Text of the Python int `sign * magnitude` (which may not fit an int64).
std::string int_text(bool negative, std::uint64_t magnitude) {
    return (negative && magnitude != 0 ? "-" : "") + std::to_string(magnitude);
}

} // namespace

// Python ints are unbounded: widths are kept as unsigned magnitudes and sums
// are done modulo 2**64, whose true results are known to fit an int64.
Outcome<std::int64_t> Random::randrange(std::int64_t start, std::optional<std::int64_t> stop, std::int64_t step,
                                        bool step_given) {
    if (!stop) {
        if (step_given)
            return type_error("Missing a non-None stop argument");
        if (start > 0)
            return static_cast<std::int64_t>(randbelow(as_unsigned(start)));
        return value_error("empty range for randrange()");
    }
    const bool ascending = *stop > start;
    const std::uint64_t distance = ascending ? as_unsigned(*stop) - as_unsigned(start) : as_unsigned(start) - as_unsigned(*stop);
    if (step == 1) {
        if (ascending)
            return static_cast<std::int64_t>(as_unsigned(start) + randbelow(distance));
        return value_error("empty range for randrange() (" + std::to_string(start) + ", " + std::to_string(*stop) +
                           ", " + int_text(true, distance) + ")");
    }
    if (step == 0)
        return value_error("zero step for randrange()");
    if ((step > 0) != ascending || distance == 0)
        return value_error("empty range for randrange()");
    const std::uint64_t stride = step > 0 ? as_unsigned(step) : 0 - as_unsigned(step);
    const std::uint64_t n = (distance - 1) / stride + 1;
    return static_cast<std::int64_t>(as_unsigned(start) + as_unsigned(step) * randbelow(n));
}

Outcome<std::int64_t> Random::randint(std::int64_t a, std::int64_t b) {
    if (b < INT64_MAX)
        return randrange(a, b + 1);
    // b + 1 == 2**63 does not fit; the range [a, b] is not empty.
    const std::uint64_t width_minus_one = as_unsigned(b) - as_unsigned(a);
    if (width_minus_one != UINT64_MAX)
        return static_cast<std::int64_t>(as_unsigned(a) + randbelow(width_minus_one + 1));
    const std::array<std::uint32_t, 3> two_to_64{0, 0, 1};
    std::vector<std::uint32_t> r = randbelow_words(two_to_64);
    r.resize(2);
    return static_cast<std::int64_t>(as_unsigned(a) + (r[0] | (static_cast<std::uint64_t>(r[1]) << 32)));
}

Outcome<std::size_t> Random::choice(std::size_t n) {
    if (n == 0)
        return PyError{"IndexError", "Cannot choose from an empty sequence"};
    return static_cast<std::size_t>(randbelow(n));
}

Outcome<std::vector<std::size_t>> Random::sample(std::size_t n, std::int64_t k) {
    if (k < 0 || static_cast<std::uint64_t>(k) > n)
        return value_error("Sample larger than population or is negative");
    const auto count = static_cast<std::size_t>(k);
    std::vector<std::size_t> result(count);
    std::size_t setsize = 21; // a small set's size minus an empty list's, in CPython's accounting
    if (count > 5)
        setsize += static_cast<std::size_t>(std::pow(4.0, std::ceil(std::log(static_cast<double>(count * 3)) / std::log(4.0))));
    if (n <= setsize) {
        std::vector<std::size_t> pool(n);
        for (std::size_t i = 0; i < n; ++i)
            pool[i] = i;
        for (std::size_t i = 0; i < count; ++i) {
            auto j = static_cast<std::size_t>(randbelow(n - i));
            result[i] = pool[j];
            pool[j] = pool[n - i - 1];
        }
        return result;
    }
    std::unordered_set<std::size_t> selected;
    for (std::size_t i = 0; i < count; ++i) {
        auto j = static_cast<std::size_t>(randbelow(n));
        while (selected.count(j) != 0)
            j = static_cast<std::size_t>(randbelow(n));
        selected.insert(j);
        result[i] = j;
    }
    return result;
}

std::vector<std::size_t> Random::choices(std::size_t n, std::size_t k) {
    std::vector<std::size_t> result(k);
    const double size = static_cast<double>(n);
    for (std::size_t& index : result)
        index = static_cast<std::size_t>(std::floor(random() * size));
    return result;
}

std::vector<double> Random::accumulate(std::span<const double> weights) {
    std::vector<double> sums;
    double total = 0.0;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        total = i == 0 ? weights[0] : total + weights[i];
        sums.push_back(total);
    }
    return sums;
}

Outcome<std::vector<std::size_t>> Random::choices_cumulative(std::size_t n, std::span<const double> cum_weights,
                                                             std::size_t k) {
    if (cum_weights.size() != n)
        return value_error("The number of weights does not match the population");
    if (n == 0)
        return PyError{"IndexError", "list index out of range"};
    const double total = cum_weights.back() + 0.0;
    if (total <= 0.0)
        return value_error("Total of weights must be greater than zero");
    if (!std::isfinite(total))
        return value_error("Total of weights must be finite");
    std::vector<std::size_t> result(k);
    const auto last = cum_weights.begin() + static_cast<std::ptrdiff_t>(n - 1);
    for (std::size_t& index : result) {
        double x = random() * total;
        index = static_cast<std::size_t>(std::upper_bound(cum_weights.begin(), last, x) - cum_weights.begin());
    }
    return result;
}

double Random::gauss(double mu, double sigma) {
    std::optional<double> z = gauss_next_;
    gauss_next_.reset();
    if (!z) {
        double x2pi = random() * (2.0 * std::numbers::pi);
        double g2rad = std::sqrt(-2.0 * std::log(1.0 - random()));
        z = std::cos(x2pi) * g2rad;
        gauss_next_ = std::sin(x2pi) * g2rad;
    }
    return mu + *z * sigma;
}

} // namespace looplab::lang::support
