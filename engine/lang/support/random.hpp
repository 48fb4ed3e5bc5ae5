#pragma once
// Python's `random` module, bit-exact with CPython 3.11: the Mersenne Twister
// of Modules/_randommodule.c and the Lib/random.py algorithms on top, making
// exactly the same sequence of generator calls. Pure C++: sequences are
// handled through indices, the VM maps them back to its objects.
//
// Not provided: seed(None) (the project always seeds), seeding from str/bytes
// (version 2 hashes with SHA-512), getstate/setstate, sample(counts=...), and
// the distributions other than uniform and gauss.

#include "engine/lang/support/py_error.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace looplab::lang::support {

// ---------------------------------------------------------------------------
// The generator (random.Random's C base class).
// ---------------------------------------------------------------------------
class MersenneTwister {
public:
    MersenneTwister() { seed(std::int64_t{0}); }

    // seed(n) for an int of any size: the magnitude |n| as little-endian 32-bit
    // words (an empty span or all zeros means 0). The sign is ignored, as in CPython.
    void seed(std::span<const std::uint32_t> magnitude_words);
    void seed(std::int64_t n);
    // seed(x) for a float (or any other hashable CPython accepts): CPython seeds
    // with hash(x) reinterpreted as an unsigned 64-bit integer.
    void seed_from_hash(std::int64_t hash);

    std::uint32_t genrand_uint32();
    // random(): 53 random bits in [0.0, 1.0).
    double random();
    // getrandbits(k) for 0 <= k <= 64.
    std::uint64_t getrandbits(int k);
    // getrandbits(k) for any k >= 0 as little-endian 32-bit words (k/32 rounded up).
    std::vector<std::uint32_t> getrandbits_words(std::size_t k);

private:
    void init_genrand(std::uint32_t s);
    void init_by_array(std::span<const std::uint32_t> key);

    static constexpr int kN = 624;
    std::array<std::uint32_t, kN> mt_{};
    int mti_ = kN + 1;
};

// ---------------------------------------------------------------------------
// random.Random: the Python-level methods. Errors are returned, worded as 3.11.
// Arguments are ints the VM already checked to be ints (non-int arguments to
// randrange are deprecated in 3.11 and stay the VM's business).
// ---------------------------------------------------------------------------
class Random {
public:
    MersenneTwister& generator() { return mt_; }

    // seed(): also forgets the cached second gauss() value, as random.py does.
    void seed(std::int64_t n);
    void seed(std::span<const std::uint32_t> magnitude_words);
    void seed_from_hash(std::int64_t hash);

    double random() { return mt_.random(); }
    std::uint64_t getrandbits(int k) { return mt_.getrandbits(k); }

    // _randbelow(n) for n > 0: getrandbits(n.bit_length()) until below n.
    std::uint64_t randbelow(std::uint64_t n);
    // The same for an n of any size (little-endian 32-bit words, n > 0).
    std::vector<std::uint32_t> randbelow_words(std::span<const std::uint32_t> n);

    // randrange(start) when stop is nullopt (then step must not have been given:
    // pass step_given to reproduce "Missing a non-None stop argument"),
    // randrange(start, stop[, step]) otherwise.
    Outcome<std::int64_t> randrange(std::int64_t start, std::optional<std::int64_t> stop = std::nullopt,
                                    std::int64_t step = 1, bool step_given = false);
    // randint(a, b) == randrange(a, b + 1).
    Outcome<std::int64_t> randint(std::int64_t a, std::int64_t b);
    // uniform(a, b) == a + (b - a) * random().
    double uniform(double a, double b) { return a + (b - a) * random(); }
    // choice(seq) for len(seq) == n: the index to pick.
    Outcome<std::size_t> choice(std::size_t n);
    // shuffle(x) for len(x) == n: calls swap(i, j) for every exchange CPython makes.
    template <class Swap>
    void shuffle(std::size_t n, Swap&& swap) {
        for (std::size_t i = n == 0 ? 0 : n - 1; i >= 1; --i)
            swap(i, static_cast<std::size_t>(randbelow(i + 1)));
    }
    // sample(population, k) for len(population) == n: the chosen indices in
    // selection order (both of CPython's strategies, picked by its setsize rule).
    Outcome<std::vector<std::size_t>> sample(std::size_t n, std::int64_t k);
    // choices(population, k=k) without weights. For n == 0 every index is 0 and
    // indexing the empty population must raise IndexError, as in CPython.
    std::vector<std::size_t> choices(std::size_t n, std::size_t k);
    // choices(population, cum_weights=..., k=k); for weights=..., pass
    // accumulate(weights). n is len(population).
    Outcome<std::vector<std::size_t>> choices_cumulative(std::size_t n, std::span<const double> cum_weights,
                                                         std::size_t k);
    static std::vector<double> accumulate(std::span<const double> weights);
    // gauss(mu, sigma), with CPython's caching of the second normal deviate.
    double gauss(double mu = 0.0, double sigma = 1.0);

private:
    MersenneTwister mt_;
    std::optional<double> gauss_next_;
};

} // namespace looplab::lang::support
