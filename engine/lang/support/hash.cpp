#include "engine/lang/support/hash.hpp"

#include "engine/lang/support/utf8.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

namespace looplab::lang::support {

namespace {

constexpr int kHashBits = 61;

PyHash finish(std::uint64_t residue, bool negative) {
    PyHash h = negative ? -static_cast<PyHash>(residue) : static_cast<PyHash>(residue);
    return h == -1 ? -2 : h;
}

std::uint64_t rotl(std::uint64_t x, int bits) {
    return (x << bits) | (x >> (64 - bits));
}

void sip_round(std::uint64_t& v0, std::uint64_t& v1, std::uint64_t& v2, std::uint64_t& v3) {
    v0 += v1;
    v2 += v3;
    v1 = rotl(v1, 13) ^ v0;
    v3 = rotl(v3, 16) ^ v2;
    v0 = rotl(v0, 32);
    v2 += v1;
    v0 += v3;
    v1 = rotl(v1, 17) ^ v2;
    v3 = rotl(v3, 21) ^ v0;
    v2 = rotl(v2, 32);
}

std::uint64_t load_le64(const unsigned char* p, std::size_t n) {
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < n; ++i)
        v |= static_cast<std::uint64_t>(p[i]) << (8 * i);
    return v;
}

} // namespace

PyHash hash_int(std::int64_t value) {
    std::uint64_t magnitude = value < 0 ? ~static_cast<std::uint64_t>(value) + 1 : static_cast<std::uint64_t>(value);
    return finish(magnitude % kHashModulus, value < 0);
}

PyHash hash_big_int(std::span<const std::uint32_t> magnitude_words, bool negative) {
    std::uint64_t residue = 0;
    for (auto it = magnitude_words.rbegin(); it != magnitude_words.rend(); ++it) {
        // residue * 2^32 mod (2^61 - 1) is a rotation of the 61-bit residue by 32.
        residue = ((residue << 32) & kHashModulus) | (residue >> (kHashBits - 32));
        residue += *it;
        if (residue >= kHashModulus)
            residue -= kHashModulus;
    }
    return finish(residue, negative);
}

PyHash hash_float(double value, PyHash nan_identity_hash) {
    if (std::isnan(value))
        return nan_identity_hash;
    if (std::isinf(value))
        return value > 0 ? kHashInf : -kHashInf;
    int exponent = 0;
    double mantissa = std::frexp(value, &exponent);
    bool negative = mantissa < 0;
    mantissa = std::fabs(mantissa);
    std::uint64_t x = 0;
    // Take the mantissa 28 bits at a time, folding the residue as CPython does.
    while (mantissa != 0.0) {
        x = ((x << 28) & kHashModulus) | x >> (kHashBits - 28);
        mantissa *= 268435456.0;
        exponent -= 28;
        auto chunk = static_cast<std::uint64_t>(mantissa);
        mantissa -= static_cast<double>(chunk);
        x += chunk;
        if (x >= kHashModulus)
            x -= kHashModulus;
    }
    exponent = exponent >= 0 ? exponent % kHashBits : kHashBits - 1 - ((-1 - exponent) % kHashBits);
    x = ((x << exponent) & kHashModulus) | x >> (kHashBits - exponent);
    return finish(x, negative);
}

std::uint64_t siphash13_zero_key(const unsigned char* data, std::size_t size) {
    std::uint64_t v0 = 0x736f6d6570736575ULL;
    std::uint64_t v1 = 0x646f72616e646f6dULL;
    std::uint64_t v2 = 0x6c7967656e657261ULL;
    std::uint64_t v3 = 0x7465646279746573ULL;
    std::uint64_t tail = static_cast<std::uint64_t>(size) << 56;
    for (; size >= 8; data += 8, size -= 8) {
        std::uint64_t m = load_le64(data, 8);
        v3 ^= m;
        sip_round(v0, v1, v2, v3);
        v0 ^= m;
    }
    tail |= load_le64(data, size);
    v3 ^= tail;
    sip_round(v0, v1, v2, v3);
    v0 ^= tail;
    v2 ^= 0xff;
    sip_round(v0, v1, v2, v3);
    sip_round(v0, v1, v2, v3);
    sip_round(v0, v1, v2, v3);
    return (v0 ^ v1) ^ (v2 ^ v3);
}

PyHash hash_str(std::string_view utf8_text) {
    if (utf8_text.empty())
        return 0;
    std::vector<char32_t> points;
    char32_t widest = 0;
    for (std::size_t i = 0; i < utf8_text.size();) {
        points.push_back(utf8::decode(utf8_text, i));
        widest = std::max(widest, points.back());
    }
    std::size_t width = widest < 0x100 ? 1 : widest < 0x10000 ? 2 : 4;
    std::vector<unsigned char> storage;
    storage.reserve(points.size() * width);
    for (char32_t cp : points)
        for (std::size_t b = 0; b < width; ++b)
            storage.push_back(static_cast<unsigned char>(cp >> (8 * b)));
    auto h = static_cast<PyHash>(siphash13_zero_key(storage.data(), storage.size()));
    return h == -1 ? -2 : h;
}

PyHash hash_tuple(std::span<const PyHash> element_hashes) {
    constexpr std::uint64_t kPrime1 = 11400714785074694791ULL;
    constexpr std::uint64_t kPrime2 = 14029467366897019727ULL;
    constexpr std::uint64_t kPrime5 = 2870177450012600261ULL;
    std::uint64_t acc = kPrime5;
    for (PyHash h : element_hashes) {
        acc += static_cast<std::uint64_t>(h) * kPrime2;
        acc = rotl(acc, 31);
        acc *= kPrime1;
    }
    // Length mixed in so that hash(()) keeps its historical value.
    acc += element_hashes.size() ^ (kPrime5 ^ 3527539UL);
    if (acc == static_cast<std::uint64_t>(-1))
        return 1546275796;
    return static_cast<PyHash>(acc);
}

} // namespace looplab::lang::support
