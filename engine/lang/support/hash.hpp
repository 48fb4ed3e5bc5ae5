#pragma once
// hash() of int, float, str and tuple exactly as CPython 3.11 computes it
// under PYTHONHASHSEED=0 (the reference runner's setting), so that set
// iteration order (see probe.hpp) matches what students see in CPython.
// Pure C++: callers hash elements themselves and combine them here.

#include <cstdint>
#include <span>
#include <string_view>

namespace looplab::lang::support {

using PyHash = std::int64_t; // Py_hash_t on 64-bit platforms

// The modulus of numeric hashing: 2**61 - 1 (Python/pyhash.c, _PyHASH_MODULUS).
inline constexpr std::uint64_t kHashModulus = (std::uint64_t{1} << 61) - 1;
inline constexpr PyHash kHashInf = 314159;

// ---------------------------------------------------------------------------
// Numbers: equal numbers hash equal across int/float/bool (hash(1) == hash(1.0)
// == hash(True)), and -1 is never a hash (it becomes -2).
// ---------------------------------------------------------------------------
PyHash hash_int(std::int64_t value);
// An int of any size given as its magnitude in little-endian 32-bit words.
PyHash hash_big_int(std::span<const std::uint32_t> magnitude_words, bool negative);
// NaN hashes by object identity in 3.11: pass the hash the VM gives the float
// object's identity (CPython: _Py_HashPointer); it is returned for NaN only.
PyHash hash_float(double value, PyHash nan_identity_hash);

// ---------------------------------------------------------------------------
// Strings: SipHash-1-3 with the all-zero key over CPython's compact storage of
// the string (1, 2 or 4 bytes per code point, little-endian, chosen by the
// largest code point). `utf8` must be valid UTF-8. The empty string hashes to 0.
// ---------------------------------------------------------------------------
PyHash hash_str(std::string_view utf8);
// SipHash-1-3 (CPython's variant, zero key) of raw bytes, without the -1 fix-up.
std::uint64_t siphash13_zero_key(const unsigned char* data, std::size_t size);

// ---------------------------------------------------------------------------
// Tuples: 3.11's xxHash-based combination of the element hashes, in order.
// (An element whose hash raises must be handled by the caller before this.)
// ---------------------------------------------------------------------------
PyHash hash_tuple(std::span<const PyHash> element_hashes);

} // namespace looplab::lang::support
