#pragma once
// Float <-> text exactly as CPython 3.11 does it (Python/pystrtod.c, Objects/floatobject.c).
// Pure C++: no dependency on the VM's object model.

#include <cstdint>
#include <optional>
#include <string>

namespace looplab::lang::support {

// ---------------------------------------------------------------------------
// Decimal digit generation (the three dtoa modes CPython uses).
// A finite double |x| is described as 0.D1D2...Dn x 10^decpt, digits without
// trailing zeros. Zero is {"0", 1}. A value that rounds away entirely in fixed
// mode is {"", -ndigits}, as dtoa reports it.
// ---------------------------------------------------------------------------
struct DecimalDigits {
    std::string digits;
    int decpt = 0;
};

// dtoa mode 0: the shortest digit string that reads back as |x|.
DecimalDigits shortest_digits(double x);
// dtoa mode 2: |x| correctly rounded (half-even) to `count` >= 1 significant digits.
DecimalDigits significant_digits(double x, int count);
// dtoa mode 3: |x| correctly rounded (half-even) to `ndigits` places after the
// point; a negative ndigits rounds to tens, hundreds, ...
DecimalDigits fixed_digits(double x, int ndigits);

// ---------------------------------------------------------------------------
// PyOS_double_to_string. `code` is one of e E f F g G r ('r' = repr; precision
// must then be 0). Output has a leading '-' for negative values (and for -nan
// never). Infinity/NaN print as inf/nan (INF/NAN for upper-case codes).
// ---------------------------------------------------------------------------
struct DoubleToStringFlags {
    bool always_add_sign = false;  // Py_DTSF_SIGN
    bool add_dot_0 = false;        // Py_DTSF_ADD_DOT_0: "1.0" not "1" in fixed notation
    bool alternate = false;        // Py_DTSF_ALT: keep trailing zeros / the point
    bool no_negative_zero = false; // Py_DTSF_NO_NEG_0 (the 'z' of format specs)
};
std::string double_to_string(double x, char code, int precision, DoubleToStringFlags flags = {});

// repr(x) and str(x) of a Python float: shortest round-trip digits, exponent
// notation when the decimal exponent is < -4 or >= 16, "inf", "-inf", "nan", "-0.0".
std::string float_repr(double x);

// ---------------------------------------------------------------------------
// round() on floats.
// ---------------------------------------------------------------------------
// round(x) with no ndigits: the nearest integral double, ties to even. The caller
// turns it into an int; non-finite x must raise there, as CPython does:
// OverflowError "cannot convert float infinity to integer",
// ValueError "cannot convert float NaN to integer".
double round_half_even(double x);

// round(x, ndigits): the float nearest to the decimal value obtained by rounding
// the exact value of x half-even at 10^-ndigits. nullopt means CPython raises
// OverflowError "rounded value too large to represent". ndigits is the
// Py_ssize_t CPython clips the argument to.
std::optional<double> round_to_ndigits(double x, std::int64_t ndigits);

} // namespace looplab::lang::support
