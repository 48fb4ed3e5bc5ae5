#pragma once
// format(value, spec) / f"{value:spec}" / str.format for int, float and str,
// exactly as CPython 3.11 (Python/formatter_unicode.c). Pure C++.
//
// All text is UTF-8; widths and precisions count code points as Python does.
// Failures come back as FormatError values, never as C++ exceptions.

#include "engine/lang/support/py_error.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

namespace looplab::lang::support {

// Failures are ValueError, OverflowError or MemoryError (see py_error.hpp).
using FormatError = PyError;
// Either the formatted text or the exception CPython would raise.
using FormatResult = Outcome<std::string>;

// ---------------------------------------------------------------------------
// The parsed mini-language: [[fill]align][sign][z][#][0][width][grouping][.precision][type]
// ---------------------------------------------------------------------------
enum class Grouping { None, Comma, Underscore, UnderscoreEveryFour };

struct FormatSpec {
    char32_t fill = U' ';
    char align = '>';            // '<' '>' '^' '='
    char sign = '\0';            // '\0' (unspecified) '+' '-' ' '
    bool no_negative_zero = false;
    bool alternate = false;
    std::int64_t width = -1;     // -1: not given
    Grouping grouping = Grouping::None;
    std::int64_t precision = -1; // -1: not given
    char32_t type = U'\0';       // '\0': not given (after defaulting)
};

// Parses `spec` for an object of Python type `type_name`. default_type is what an
// omitted type means ('d' for int, '\0' for float, 's' for str); default_align is
// '>' for numbers and '<' for strings. Only checks that do not depend on the
// value's type happen here (errors worded as CPython words them).
std::variant<FormatSpec, FormatError> parse_format_spec(std::string_view spec, char32_t default_type,
                                                        char default_align, std::string_view type_name);

// ---------------------------------------------------------------------------
// format() for the three built-in types. An empty spec gives str(value).
// type_name is the value's Python type name used in error messages (pass
// "bool" for booleans; note that format(True, "") is "True", which the caller
// must produce itself since it is not an int rendering).
// ---------------------------------------------------------------------------
FormatResult format_int(std::int64_t value, std::string_view spec, std::string_view type_name = "int");
FormatResult format_float(double value, std::string_view spec, std::string_view type_name = "float");
FormatResult format_str(std::string_view value, std::string_view spec, std::string_view type_name = "str");

// Output longer than this many code points is refused with MemoryError rather
// than attempted (the VM heap is capped at 1 GiB anyway).
inline constexpr std::int64_t kMaxFormattedWidth = std::int64_t{1} << 28;

} // namespace looplab::lang::support
