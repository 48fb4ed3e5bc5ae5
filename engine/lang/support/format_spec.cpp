#include "engine/lang/support/format_spec.hpp"

#include "engine/lang/support/float_format.hpp"
#include "engine/lang/support/utf8.hpp"

#include <algorithm>
#include <climits>
#include <cctype>
#include <charconv>
#include <cstdio>
#include <optional>
#include <vector>

namespace looplab::lang::support {

namespace {

// [SECTION] errors ----------------------------------------------------------

// Printable ASCII shows as itself, anything else as \x<hex> (CPython's two cases).
std::string code_text(char32_t code) {
    if (code > 32 && code < 128)
        return std::string(1, static_cast<char>(code));
    char buf[24];
    std::snprintf(buf, sizeof buf, "\\x%x", static_cast<unsigned>(code));
    return buf;
}

FormatError unknown_code(char32_t code, std::string_view type_name) {
    return value_error("Unknown format code '" + code_text(code) + "' for object of type '" +
                       std::string(type_name) + "'");
}

// [SECTION] parsing ----------------------------------------------------------

bool is_align(char32_t c) {
    return c == U'<' || c == U'>' || c == U'=' || c == U'^';
}

// The spec's code points. Specs are short: they decode into an inline buffer, and only a
// spec longer than it (always an error) takes the heap.
struct Cursor {
    explicit Cursor(std::string_view spec) {
        for (std::size_t i = 0; i < spec.size();) {
            char32_t c = utf8::decode(spec, i);
            if (count < kInline)
                inline_chars[count] = c;
            else {
                if (heap_chars.empty())
                    heap_chars.assign(inline_chars, inline_chars + kInline);
                heap_chars.push_back(c);
            }
            ++count;
        }
        chars = heap_chars.empty() ? inline_chars : heap_chars.data();
    }
    Cursor(const Cursor&) = delete;
    Cursor& operator=(const Cursor&) = delete;
    static constexpr std::size_t kInline = 32;
    char32_t inline_chars[kInline];
    std::vector<char32_t> heap_chars;
    const char32_t* chars = nullptr;
    std::size_t count = 0;
    std::size_t pos = 0;
    std::size_t left() const { return count - pos; }
    char32_t peek(std::size_t ahead = 0) const { return chars[pos + ahead]; }
};

// Reads decimal digits; -1 digits consumed means the Py_ssize_t overflowed.
int read_integer(Cursor& c, std::int64_t& value) {
    int count = 0;
    value = 0;
    for (; c.left() > 0 && c.peek() >= U'0' && c.peek() <= U'9'; ++c.pos, ++count) {
        int digit = static_cast<int>(c.peek() - U'0');
        if (value > (INT64_MAX - digit) / 10)
            return -1;
        value = value * 10 + digit;
    }
    return count;
}

std::optional<FormatError> check_grouping(const FormatSpec& f) {
    if (f.grouping == Grouping::None)
        return std::nullopt;
    switch (f.type) {
    case U'd': case U'e': case U'f': case U'g': case U'E': case U'G': case U'%': case U'F': case U'\0':
        return std::nullopt;
    case U'b': case U'o': case U'x': case U'X':
        if (f.grouping == Grouping::Underscore)
            return std::nullopt;
        break;
    default:
        break;
    }
    std::string sep = f.grouping == Grouping::Comma ? "," : "_";
    return value_error("Cannot specify '" + sep + "' with '" + code_text(f.type) + "'.");
}

void parse_fill_align_sign(Cursor& c, FormatSpec& f, char default_align) {
    bool fill_given = false;
    bool align_given = false;
    if (c.left() >= 2 && is_align(c.peek(1))) {
        f.fill = c.peek();
        f.align = static_cast<char>(c.peek(1));
        fill_given = align_given = true;
        c.pos += 2;
    } else if (c.left() >= 1 && is_align(c.peek())) {
        f.align = static_cast<char>(c.peek());
        align_given = true;
        ++c.pos;
    }
    if (c.left() >= 1 && (c.peek() == U'+' || c.peek() == U'-' || c.peek() == U' '))
        f.sign = static_cast<char>(c.chars[c.pos++]);
    if (c.left() >= 1 && c.peek() == U'z') {
        f.no_negative_zero = true;
        ++c.pos;
    }
    if (c.left() >= 1 && c.peek() == U'#') {
        f.alternate = true;
        ++c.pos;
    }
    if (!fill_given && c.left() >= 1 && c.peek() == U'0') {
        f.fill = U'0';
        if (!align_given && default_align == '>')
            f.align = '=';
        ++c.pos;
    }
}

std::optional<FormatError> parse_width_grouping_precision(Cursor& c, FormatSpec& f) {
    const FormatError too_many = value_error("Too many decimal digits in format string");
    int consumed = read_integer(c, f.width);
    if (consumed < 0)
        return too_many;
    if (consumed == 0)
        f.width = -1;
    if (c.left() && c.peek() == U',') {
        f.grouping = Grouping::Comma;
        ++c.pos;
    }
    if (c.left() && c.peek() == U'_') {
        if (f.grouping != Grouping::None)
            return value_error("Cannot specify both ',' and '_'.");
        f.grouping = Grouping::Underscore;
        ++c.pos;
    }
    if (c.left() && c.peek() == U',' && f.grouping == Grouping::Underscore)
        return value_error("Cannot specify both ',' and '_'.");
    if (c.left() && c.peek() == U'.') {
        ++c.pos;
        consumed = read_integer(c, f.precision);
        if (consumed < 0)
            return too_many;
        if (consumed == 0)
            return value_error("Format specifier missing precision");
    }
    return std::nullopt;
}

} // namespace

std::variant<FormatSpec, FormatError> parse_format_spec(std::string_view spec, char32_t default_type,
                                                        char default_align, std::string_view type_name) {
    Cursor c(spec);
    FormatSpec f;
    f.align = default_align;
    f.type = default_type;
    parse_fill_align_sign(c, f, default_align);
    if (auto err = parse_width_grouping_precision(c, f))
        return *err;
    if (c.left() > 1)
        return value_error("Invalid format specifier '" + std::string(spec) + "' for object of type '" +
                           std::string(type_name) + "'");
    if (c.left() == 1)
        f.type = c.peek();
    if (f.grouping == Grouping::Underscore &&
        (f.type == U'b' || f.type == U'o' || f.type == U'x' || f.type == U'X')) {
        if (auto err = check_grouping(f))
            return *err;
        f.grouping = Grouping::UnderscoreEveryFour;
        return f;
    }
    if (auto err = check_grouping(f))
        return *err;
    return f;
}

namespace {

// [SECTION] number layout (calc_number_widths + fill_number) ------------------

// Groups `digits` from the right, padding with '0' until at least min_width
// characters (separators included) are produced: CPython's
// _PyUnicode_InsertThousandsGrouping.
std::string group_digits(std::string_view digits, std::int64_t min_width, int group, char sep) {
    if (group == 0 && static_cast<std::int64_t>(digits.size()) >= min_width && !digits.empty())
        return std::string(digits);
    std::string reversed;
    std::int64_t remaining = static_cast<std::int64_t>(digits.size());
    std::size_t end = digits.size();
    bool use_sep = false;
    auto emit = [&](std::int64_t len) {
        std::int64_t zeros = std::max<std::int64_t>(0, len - remaining);
        std::int64_t chars = std::max<std::int64_t>(0, std::min(remaining, len));
        if (use_sep)
            reversed.push_back(sep);
        for (std::int64_t i = 0; i < chars; ++i)
            reversed.push_back(digits[--end]);
        reversed.append(static_cast<std::size_t>(zeros), '0');
        remaining -= chars;
    };
    bool finished = false;
    while (group > 0) {
        emit(std::min<std::int64_t>(group, std::max({remaining, min_width, std::int64_t{1}})));
        use_sep = true;
        min_width -= group;
        if (remaining <= 0 && min_width <= 0) {
            finished = true;
            break;
        }
        min_width -= 1;
    }
    if (!finished)
        emit(std::max({remaining, min_width, std::int64_t{1}}));
    return std::string(reversed.rbegin(), reversed.rend());
}

struct NumberParts {
    bool negative = false;
    std::string prefix;    // "0x" etc.
    std::string digits;    // integer digits, grouped
    bool has_decimal = false;
    std::string remainder; // after the decimal point, or non-digit text (inf, 'c' char)
};

FormatResult render_number(const NumberParts& n, const FormatSpec& f, Grouping grouping) {
    std::string sign;
    if (f.sign == '+')
        sign = n.negative ? "-" : "+";
    else if (f.sign == ' ')
        sign = n.negative ? "-" : " ";
    else if (n.negative)
        sign = "-";
    std::int64_t remainder_len = static_cast<std::int64_t>(utf8::length(n.remainder));
    std::int64_t non_digit = static_cast<std::int64_t>(sign.size() + n.prefix.size()) +
                             (n.has_decimal ? 1 : 0) + remainder_len;
    std::int64_t min_width = (f.fill == U'0' && f.align == '=') ? f.width - non_digit : 0;
    std::string grouped;
    if (!n.digits.empty()) {
        int group = grouping == Grouping::None ? 0 : grouping == Grouping::UnderscoreEveryFour ? 4 : 3;
        grouped = group_digits(n.digits, min_width, group, grouping == Grouping::Comma ? ',' : '_');
    }
    std::int64_t padding = f.width - (non_digit + static_cast<std::int64_t>(grouped.size()));
    std::int64_t left = 0, inner = 0, right = 0;
    if (padding > 0) {
        if (f.align == '<')
            right = padding;
        else if (f.align == '^') {
            left = padding / 2;
            right = padding - left;
        } else if (f.align == '=')
            inner = padding;
        else
            left = padding;
    }
    std::string out;
    utf8::append_repeated(out, f.fill, static_cast<std::size_t>(left));
    out += sign;
    out += n.prefix;
    utf8::append_repeated(out, f.fill, static_cast<std::size_t>(inner));
    out += grouped;
    if (n.has_decimal)
        out.push_back('.');
    out += n.remainder;
    utf8::append_repeated(out, f.fill, static_cast<std::size_t>(right));
    return out;
}

std::string to_base(std::uint64_t magnitude, int base) {
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf, magnitude, base);
    return std::string(buf, res.ptr);
}

std::uint64_t magnitude_of(std::int64_t v) {
    return v < 0 ? ~static_cast<std::uint64_t>(v) + 1 : static_cast<std::uint64_t>(v);
}

FormatResult format_char(std::int64_t value, const FormatSpec& f) {
    if (f.sign != '\0')
        return value_error("Sign not allowed with integer format specifier 'c'");
    if (f.alternate)
        return value_error("Alternate form (#) not allowed with integer format specifier 'c'");
    if (value < 0 || value > 0x10ffff)
        return FormatError{"OverflowError", "%c arg not in range(0x110000)"};
    NumberParts n;
    utf8::append(n.remainder, static_cast<char32_t>(value));
    return render_number(n, f, Grouping::None);
}

FormatResult format_integer_digits(std::int64_t value, const FormatSpec& f) {
    int base = 10;
    const char* prefix = "";
    switch (f.type) {
    case U'b': base = 2; prefix = "0b"; break;
    case U'o': base = 8; prefix = "0o"; break;
    case U'x': case U'X': base = 16; prefix = "0x"; break;
    default: break;
    }
    NumberParts n;
    n.negative = value < 0;
    n.digits = to_base(magnitude_of(value), base);
    if (f.alternate)
        n.prefix = prefix;
    if (f.type == U'X') {
        for (char& ch : n.digits)
            ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
        for (char& ch : n.prefix)
            ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    }
    return render_number(n, f, f.type == U'n' ? Grouping::None : f.grouping);
}

FormatResult format_float_with(double value, const FormatSpec& f) {
    if (f.precision > INT_MAX)
        return value_error("precision too big");
    int precision = static_cast<int>(f.precision);
    int default_precision = 6;
    char32_t type = f.type;
    DoubleToStringFlags flags;
    flags.alternate = f.alternate;
    flags.no_negative_zero = f.no_negative_zero;
    if (type == U'\0') {
        flags.add_dot_0 = true;
        type = U'r';
        default_precision = 0;
    }
    if (type == U'n')
        type = U'g';
    bool percent = type == U'%';
    if (percent) {
        type = U'f';
        value *= 100;
    }
    if (precision < 0)
        precision = default_precision;
    else if (type == U'r')
        type = U'g';
    std::string text = double_to_string(value, static_cast<char>(type), precision, flags);
    if (percent)
        text.push_back('%');
    NumberParts n;
    std::size_t i = 0;
    if (text[0] == '-') {
        n.negative = true;
        i = 1;
    }
    std::size_t digits_end = text.find_first_not_of("0123456789", i);
    if (digits_end == std::string::npos)
        digits_end = text.size();
    n.digits = text.substr(i, digits_end - i);
    n.has_decimal = digits_end < text.size() && text[digits_end] == '.';
    n.remainder = text.substr(digits_end + (n.has_decimal ? 1 : 0));
    return render_number(n, f, f.type == U'n' ? Grouping::None : f.grouping);
}

bool too_wide(const FormatSpec& f) {
    return f.width > kMaxFormattedWidth;
}

FormatError memory_error() {
    return {"MemoryError", ""};
}

} // namespace

FormatResult format_int(std::int64_t value, std::string_view spec, std::string_view type_name) {
    if (spec.empty())
        return std::to_string(value);
    auto parsed = parse_format_spec(spec, U'd', '>', type_name);
    if (auto* err = std::get_if<FormatError>(&parsed))
        return *err;
    const FormatSpec& f = std::get<FormatSpec>(parsed);
    if (too_wide(f))
        return memory_error();
    switch (f.type) {
    case U'e': case U'E': case U'f': case U'F': case U'g': case U'G': case U'%':
        return format_float_with(static_cast<double>(value), f);
    case U'b': case U'c': case U'd': case U'o': case U'x': case U'X': case U'n':
        break;
    default:
        return unknown_code(f.type, type_name);
    }
    if (f.precision != -1)
        return value_error("Precision not allowed in integer format specifier");
    if (f.no_negative_zero)
        return value_error("Negative zero coercion (z) not allowed in integer format specifier");
    if (f.type == U'c')
        return format_char(value, f);
    return format_integer_digits(value, f);
}

FormatResult format_float(double value, std::string_view spec, std::string_view type_name) {
    if (spec.empty())
        return float_repr(value);
    auto parsed = parse_format_spec(spec, U'\0', '>', type_name);
    if (auto* err = std::get_if<FormatError>(&parsed))
        return *err;
    const FormatSpec& f = std::get<FormatSpec>(parsed);
    if (too_wide(f))
        return memory_error();
    switch (f.type) {
    case U'\0': case U'e': case U'E': case U'f': case U'F': case U'g': case U'G': case U'n': case U'%':
        return format_float_with(value, f);
    default:
        return unknown_code(f.type, type_name);
    }
}

FormatResult format_str(std::string_view value, std::string_view spec, std::string_view type_name) {
    if (spec.empty())
        return std::string(value);
    auto parsed = parse_format_spec(spec, U's', '<', type_name);
    if (auto* err = std::get_if<FormatError>(&parsed))
        return *err;
    const FormatSpec& f = std::get<FormatSpec>(parsed);
    if (f.type != U's')
        return unknown_code(f.type, type_name);
    if (f.sign == ' ')
        return value_error("Space not allowed in string format specifier");
    if (f.sign != '\0')
        return value_error("Sign not allowed in string format specifier");
    if (f.no_negative_zero)
        return value_error("Negative zero coercion (z) not allowed in string format specifier");
    if (f.alternate)
        return value_error("Alternate form (#) not allowed in string format specifier");
    if (f.align == '=')
        return value_error("'=' alignment not allowed in string format specifier");
    if (too_wide(f))
        return memory_error();
    std::string_view shown = value;
    if (f.precision >= 0)
        shown = utf8::prefix(value, static_cast<std::size_t>(f.precision));
    std::int64_t len = static_cast<std::int64_t>(utf8::length(shown));
    std::int64_t total = std::max(len, f.width);
    std::int64_t left = f.align == '>' ? total - len : f.align == '^' ? (total - len) / 2 : 0;
    std::string out;
    utf8::append_repeated(out, f.fill, static_cast<std::size_t>(left));
    out += shown;
    utf8::append_repeated(out, f.fill, static_cast<std::size_t>(total - len - left));
    return out;
}

} // namespace looplab::lang::support
