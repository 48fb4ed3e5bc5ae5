#include "engine/lang/support/float_format.hpp"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdlib>

namespace looplab::lang::support {

namespace {

// Every finite double has at most 767 significant decimal digits and at most 1074
// digits after the point, so precisions above these print exactly and can be clamped.
constexpr int kExactSignificant = 800;
constexpr int kExactFractional = 1100;

void strip_trailing_zeros(DecimalDigits& d) {
    while (!d.digits.empty() && d.digits.back() == '0')
        d.digits.pop_back();
}

// Parses "D.DDDDe[+-]XX" (to_chars scientific) into digits/decpt.
DecimalDigits from_scientific(const char* text) {
    DecimalDigits d;
    const char* p = text;
    while (*p != 'e')
        ++p;
    d.digits.reserve(static_cast<std::size_t>(p - text));
    for (const char* q = text; q != p; ++q)
        if (*q != '.')
            d.digits.push_back(*q);
    d.decpt = std::atoi(p + 1) + 1;
    strip_trailing_zeros(d);
    if (d.digits.empty())
        d = {"0", 1};
    return d;
}

// Large enough for any finite double at the clamped precisions: 309 integer digits plus
// kExactFractional decimals, or kExactSignificant digits plus an exponent.
constexpr std::size_t kPrintBuffer = 1500;

// to_chars with a precision rounds the exact binary value correctly (ties to even), as
// glibc's printf does, without printf's locale and format parsing.
std::string_view print_into(char* buf, std::chars_format fmt, int precision, double x) {
    auto res = std::to_chars(buf, buf + kPrintBuffer - 1, x, fmt, precision);
    *res.ptr = '\0';
    return std::string_view(buf, static_cast<std::size_t>(res.ptr - buf));
}

DecimalDigits scientific_digits(double x, int precision) {
    char buf[kPrintBuffer];
    return from_scientific(print_into(buf, std::chars_format::scientific, precision, x).data());
}

// Rounds exact digits (value 0.D x 10^decpt) half-even to keep `keep` digits.
DecimalDigits round_exact(const DecimalDigits& exact, int keep, int ndigits) {
    if (keep < 0)
        return {"", -ndigits};
    std::string kept = exact.digits.substr(0, static_cast<std::size_t>(keep));
    std::string rest = exact.digits.substr(std::min(exact.digits.size(), static_cast<std::size_t>(keep)));
    bool up = false;
    if (!rest.empty()) {
        bool beyond_half = rest.find_first_not_of('0', 1) != std::string::npos;
        if (rest[0] > '5' || (rest[0] == '5' && beyond_half))
            up = true;
        else if (rest[0] == '5')
            up = !kept.empty() && ((kept.back() - '0') % 2 == 1);
    }
    DecimalDigits out{kept, exact.decpt};
    if (up) {
        int i = static_cast<int>(out.digits.size()) - 1;
        while (i >= 0 && out.digits[static_cast<std::size_t>(i)] == '9')
            out.digits[static_cast<std::size_t>(i--)] = '0';
        if (i >= 0)
            ++out.digits[static_cast<std::size_t>(i)];
        else {
            out.digits.insert(out.digits.begin(), '1');
            ++out.decpt;
        }
    }
    strip_trailing_zeros(out);
    if (out.digits.empty())
        return {"", -ndigits};
    return out;
}

DecimalDigits exact_digits(double x) {
    return scientific_digits(std::fabs(x), kExactSignificant);
}

} // namespace

DecimalDigits shortest_digits(double x) {
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf - 1, std::fabs(x), std::chars_format::scientific);
    *res.ptr = '\0';
    return from_scientific(buf);
}

DecimalDigits significant_digits(double x, int count) {
    return scientific_digits(std::fabs(x), std::min(count, kExactSignificant) - 1);
}

DecimalDigits fixed_digits(double x, int ndigits) {
    if (x == 0.0)
        return {"0", 1};
    if (ndigits < 0) {
        DecimalDigits exact = exact_digits(x);
        return round_exact(exact, exact.decpt + ndigits, ndigits);
    }
    char buf[kPrintBuffer];
    std::string_view text = print_into(buf, std::chars_format::fixed, std::min(ndigits, kExactFractional), std::fabs(x));
    std::size_t point = std::min(text.find('.'), text.size());
    DecimalDigits d;
    d.decpt = static_cast<int>(point);
    d.digits.reserve(text.size());
    d.digits.append(text.substr(0, point));
    if (point < text.size())
        d.digits.append(text.substr(point + 1));
    std::size_t lead = d.digits.find_first_not_of('0');
    if (lead == std::string::npos)
        return {"", -ndigits};
    d.digits.erase(0, lead);
    d.decpt -= static_cast<int>(lead);
    strip_trailing_zeros(d);
    return d;
}

namespace {

struct Layout {
    bool use_exp = false;
    int exp = 0;
    int decpt = 0;
    int vdigits_end = 0;
};

// The placement rules of format_float_short in Python/pystrtod.c.
Layout choose_layout(char code, int precision, const DecimalDigits& d, DoubleToStringFlags flags) {
    Layout l;
    l.decpt = d.decpt;
    l.vdigits_end = static_cast<int>(d.digits.size());
    switch (code) {
    case 'e':
        l.use_exp = true;
        l.vdigits_end = precision;
        break;
    case 'f':
        l.vdigits_end = d.decpt + precision;
        break;
    case 'g':
        if (d.decpt <= -4 || d.decpt > (flags.add_dot_0 ? precision - 1 : precision))
            l.use_exp = true;
        if (flags.alternate)
            l.vdigits_end = precision;
        break;
    default:
        if (d.decpt <= -4 || d.decpt > 16)
            l.use_exp = true;
        break;
    }
    if (l.use_exp) {
        l.exp = l.decpt - 1;
        l.decpt = 1;
    }
    int floor_end = (!l.use_exp && flags.add_dot_0) ? l.decpt + 1 : l.decpt;
    l.vdigits_end = std::max(l.vdigits_end, floor_end);
    return l;
}

std::string place_digits(const DecimalDigits& d, const Layout& l, bool alternate, bool upper) {
    const std::string& digits = d.digits;
    const int len = static_cast<int>(digits.size());
    const int vstart = l.decpt <= 0 ? l.decpt - 1 : 0;
    std::string out;
    if (l.decpt <= 0) {
        out.append(static_cast<std::size_t>(l.decpt - vstart), '0');
        out.push_back('.');
        out.append(static_cast<std::size_t>(-l.decpt), '0');
    } else {
        out.append(static_cast<std::size_t>(-vstart), '0');
    }
    if (l.decpt > 0 && l.decpt <= len) {
        out.append(digits, 0, static_cast<std::size_t>(l.decpt));
        out.push_back('.');
        out.append(digits, static_cast<std::size_t>(l.decpt));
    } else {
        out.append(digits);
    }
    if (len < l.decpt) {
        out.append(static_cast<std::size_t>(l.decpt - len), '0');
        out.push_back('.');
        out.append(static_cast<std::size_t>(l.vdigits_end - l.decpt), '0');
    } else {
        out.append(static_cast<std::size_t>(l.vdigits_end - len), '0');
    }
    if (out.back() == '.' && !alternate)
        out.pop_back();
    if (l.use_exp) {
        out.push_back(upper ? 'E' : 'e');
        out.push_back(l.exp < 0 ? '-' : '+');
        int magnitude = std::abs(l.exp);
        if (magnitude < 10)
            out.push_back('0');
        out += std::to_string(magnitude);
    }
    return out;
}

} // namespace

std::string double_to_string(double x, char code, int precision, DoubleToStringFlags flags) {
    const bool upper = code == 'E' || code == 'F' || code == 'G';
    char lower = upper ? static_cast<char>(code - 'A' + 'a') : code;
    bool negative = std::signbit(x);
    std::string sign_text;
    if (std::isnan(x) || std::isinf(x)) {
        if (std::isnan(x))
            negative = false;
        sign_text = negative ? "-" : (flags.always_add_sign ? "+" : "");
        return sign_text + (std::isnan(x) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf"));
    }
    // PyOS_double_to_string adjusts the precision to dtoa's digit count first.
    if (lower == 'e')
        ++precision;
    else if (lower == 'g' && precision == 0)
        precision = 1;
    DecimalDigits d;
    switch (lower) {
    case 'e':
    case 'g':
        d = significant_digits(x, precision);
        break;
    case 'f':
        d = fixed_digits(x, precision);
        break;
    default:
        d = shortest_digits(x);
        break;
    }
    if (flags.no_negative_zero && negative && (d.digits.empty() || d.digits == "0"))
        negative = false;
    sign_text = negative ? "-" : (flags.always_add_sign ? "+" : "");
    Layout layout = choose_layout(lower, precision, d, flags);
    return sign_text + place_digits(d, layout, flags.alternate, upper);
}

std::string float_repr(double x) {
    DoubleToStringFlags flags;
    flags.add_dot_0 = true;
    return double_to_string(x, 'r', 0, flags);
}

double round_half_even(double x) {
    double rounded = std::round(x);
    if (std::fabs(x - rounded) == 0.5)
        rounded = 2.0 * std::round(x / 2.0);
    return rounded;
}

std::optional<double> round_to_ndigits(double x, std::int64_t ndigits) {
    // CPython's NDIGITS_MAX / NDIGITS_MIN: beyond them x is unchanged or becomes +-0.0.
    constexpr std::int64_t kMax = 323;
    constexpr std::int64_t kMin = -308;
    if (!std::isfinite(x) || ndigits > kMax)
        return x;
    if (ndigits < kMin)
        return 0.0 * x;
    DecimalDigits d;
    if (x == 0.0)
        d = {"0", 1};
    else {
        DecimalDigits exact = exact_digits(x);
        d = round_exact(exact, exact.decpt + static_cast<int>(ndigits), static_cast<int>(ndigits));
    }
    std::string text = std::string(std::signbit(x) ? "-" : "") + "0" + d.digits + "e" +
                       std::to_string(d.decpt - static_cast<int>(d.digits.size()));
    errno = 0;
    double rounded = std::strtod(text.c_str(), nullptr);
    if (errno == ERANGE && std::fabs(rounded) >= 1.0)
        return std::nullopt;
    return rounded;
}

} // namespace looplab::lang::support
