#include "engine/lang/support/percent_format.hpp"

#include "engine/lang/support/float_format.hpp"
#include "engine/lang/support/format_spec.hpp"
#include "engine/lang/support/utf8.hpp"

#include <algorithm>
#include <cctype>
#include <climits>
#include <cmath>
#include <cstdio>
#include <optional>
#include <vector>

namespace looplab::lang::support {

namespace {

enum Flag : unsigned { kLeftJustify = 1, kSign = 2, kBlank = 4, kAlternate = 8, kZero = 16 };

struct Conversion {
    unsigned flags = 0;
    std::int64_t width = -1;     // -1: not given
    std::int64_t precision = -1; // -1: not given
    char32_t ch = 0;
};

// The argument cursor of PyUnicode_Format: arglen/argidx are -1/-2 while the
// operand (or a %(key) value) is a single argument, which is why one such value
// can be consumed exactly once.
class ArgCursor {
public:
    explicit ArgCursor(PercentArgs& args) : args_(args) {
        if (args.shape() == PercentArgs::Shape::Tuple) {
            arglen_ = static_cast<std::int64_t>(args.tuple_size());
            argidx_ = 0;
        }
        is_mapping_ = args.shape() == PercentArgs::Shape::Mapping;
    }
    bool is_mapping() const { return is_mapping_; }
    Outcome<PercentArg> next() {
        if (argidx_ >= arglen_)
            return type_error("not enough arguments for format string");
        std::int64_t index = argidx_++;
        if (arglen_ < 0)
            return single_;
        return args_.tuple_item(static_cast<std::size_t>(index));
    }
    std::optional<PyError> select_key(std::string_view key) {
        Outcome<PercentArg> value = args_.lookup(key);
        if (auto* err = std::get_if<PyError>(&value))
            return *err;
        single_ = std::get<PercentArg>(value);
        arglen_ = -1;
        argidx_ = -2;
        return std::nullopt;
    }
    bool all_used() const { return !(argidx_ < arglen_ && !is_mapping_); }
    void start() {
        if (arglen_ < 0)
            single_ = args_.operand();
    }

private:
    PercentArgs& args_;
    PercentArg single_;
    std::int64_t arglen_ = -1;
    std::int64_t argidx_ = -2;
    bool is_mapping_ = false;
};

struct Parser {
    std::vector<char32_t> fmt;
    std::size_t pos = 0;
    bool at_end() const { return pos >= fmt.size(); }
};

std::optional<PyError> parse_key(Parser& p, ArgCursor& args) {
    if (!args.is_mapping())
        return type_error("format requires a mapping");
    std::size_t key_start = ++p.pos;
    int depth = 1;
    while (depth > 0 && p.pos < p.fmt.size()) {
        if (p.fmt[p.pos] == U')')
            --depth;
        else if (p.fmt[p.pos] == U'(')
            ++depth;
        ++p.pos;
    }
    if (depth > 0 || p.at_end())
        return value_error("incomplete format key");
    std::string key;
    for (std::size_t i = key_start; i + 1 < p.pos; ++i)
        utf8::append(key, p.fmt[i]);
    return args.select_key(key);
}

// Reads `*` (taken from the arguments) or decimal digits; `value` stays
// nullopt when neither is there. Digits above `limit` are a ValueError.
std::optional<PyError> parse_number(Parser& p, ArgCursor& args, std::optional<std::int64_t>& value,
                                    std::int64_t limit, const char* too_big) {
    if (p.fmt[p.pos] == U'*') {
        Outcome<PercentArg> arg = args.next();
        if (auto* err = std::get_if<PyError>(&arg))
            return *err;
        const PercentArg& a = std::get<PercentArg>(arg);
        if (a.kind != PercentArg::Kind::Int)
            return type_error("* wants int");
        if (a.int_value > limit || a.int_value < -limit - 1)
            return overflow_error("Python int too large to convert to C int");
        value = a.int_value;
        ++p.pos;
        return std::nullopt;
    }
    if (p.fmt[p.pos] < U'0' || p.fmt[p.pos] > U'9')
        return std::nullopt;
    std::int64_t n = 0;
    for (; !p.at_end() && p.fmt[p.pos] >= U'0' && p.fmt[p.pos] <= U'9'; ++p.pos) {
        int digit = static_cast<int>(p.fmt[p.pos] - U'0');
        if (n > (limit - digit) / 10)
            return value_error(too_big);
        n = n * 10 + digit;
    }
    value = n;
    return std::nullopt;
}

unsigned flag_of(char32_t ch) {
    switch (ch) {
    case U'-': return kLeftJustify;
    case U'+': return kSign;
    case U' ': return kBlank;
    case U'#': return kAlternate;
    case U'0': return kZero;
    default: return 0;
    }
}

std::optional<PyError> parse_width_precision(Parser& p, ArgCursor& args, Conversion& c) {
    std::optional<std::int64_t> width;
    if (auto err = parse_number(p, args, width, INT64_MAX, "width too big"))
        return err;
    if (width) {
        c.width = *width;
        if (c.width < 0) {
            c.flags |= kLeftJustify;
            // CPython negates the Py_ssize_t in place: the most negative
            // value stays negative and then means "no padding".
            c.width = c.width == INT64_MIN ? -1 : -c.width;
        }
    }
    if (p.at_end() || p.fmt[p.pos] != U'.')
        return std::nullopt;
    ++p.pos;
    c.precision = 0;
    if (p.at_end())
        return value_error("incomplete format");
    std::optional<std::int64_t> precision;
    if (auto err = parse_number(p, args, precision, INT_MAX, "precision too big"))
        return err;
    c.precision = std::max<std::int64_t>(precision.value_or(0), 0);
    return std::nullopt;
}

// Everything between '%' and the conversion character, which is stored in c.ch.
std::optional<PyError> parse_conversion(Parser& p, ArgCursor& args, Conversion& c) {
    const PyError incomplete = value_error("incomplete format");
    if (!p.at_end() && p.fmt[p.pos] == U'(')
        if (auto err = parse_key(p, args))
            return err;
    for (; !p.at_end() && flag_of(p.fmt[p.pos]) != 0; ++p.pos)
        c.flags |= flag_of(p.fmt[p.pos]);
    if (p.at_end())
        return incomplete;
    if (auto err = parse_width_precision(p, args, c))
        return err;
    if (!p.at_end() && (p.fmt[p.pos] == U'h' || p.fmt[p.pos] == U'l' || p.fmt[p.pos] == U'L'))
        ++p.pos;
    if (p.at_end())
        return incomplete;
    c.ch = p.fmt[p.pos++];
    return std::nullopt;
}

// [SECTION] conversions -------------------------------------------------------

// A converted value before padding; only numbers get a sign and zero padding.
struct Piece {
    std::string text;
    bool numeric = false;
};

std::string integer_text(std::uint64_t magnitude, char32_t ch, const Conversion& c, bool negative) {
    int base = ch == U'o' ? 8 : (ch == U'x' || ch == U'X') ? 16 : 10;
    std::string digits;
    do {
        digits.push_back("0123456789abcdef"[magnitude % static_cast<unsigned>(base)]);
        magnitude /= static_cast<unsigned>(base);
    } while (magnitude > 0);
    std::string out(digits.rbegin(), digits.rend());
    if (c.precision > static_cast<std::int64_t>(out.size()))
        out.insert(0, static_cast<std::size_t>(c.precision) - out.size(), '0');
    if (ch == U'X')
        for (char& d : out)
            d = static_cast<char>(std::toupper(static_cast<unsigned char>(d)));
    std::string text = negative ? "-" : "";
    if ((c.flags & kAlternate) && base != 10) text += ch == U'o' ? "0o" : ch == U'x' ? "0x" : "0X";
    text += out;
    return text;
}

// %d of a float: int(x) printed in full, however large.
Outcome<std::string> float_as_integer_text(double x, const Conversion& c) {
    if (std::isinf(x))
        return overflow_error("cannot convert float infinity to integer");
    if (std::isnan(x))
        return value_error("cannot convert float NaN to integer");
    double t = std::trunc(x);
    std::string digits = double_to_string(std::fabs(t), 'f', 0);
    if (c.precision > static_cast<std::int64_t>(digits.size()))
        digits.insert(0, static_cast<std::size_t>(c.precision) - digits.size(), '0');
    return (t < 0 ? "-" : "") + digits;
}

std::string type_text(const PercentArg& a) {
    return std::string(a.type_name);
}

std::string conversion_char(char32_t ch) {
    std::string s;
    utf8::append(s, ch);
    return s;
}

Outcome<std::string> convert_integer(const PercentArg& a, const Conversion& c) {
    const bool needs_index = c.ch == U'o' || c.ch == U'x' || c.ch == U'X';
    const bool convertible = a.kind == PercentArg::Kind::Int || (a.kind == PercentArg::Kind::Float && !needs_index);
    if (convertible && c.precision > kMaxFormattedWidth)
        return PyError{"MemoryError", ""};
    if (a.kind == PercentArg::Kind::Int) {
        std::uint64_t m = a.int_value < 0 ? 0 - static_cast<std::uint64_t>(a.int_value)
                                          : static_cast<std::uint64_t>(a.int_value);
        return integer_text(m, c.ch, c, a.int_value < 0);
    }
    if (a.kind == PercentArg::Kind::Float && !needs_index)
        return float_as_integer_text(a.float_value, c);
    const char* wanted = needs_index ? " format: an integer is required, not " : " format: a real number is required, not ";
    return type_error("%" + conversion_char(c.ch) + wanted + type_text(a));
}

Outcome<std::string> convert_float(const PercentArg& a, const Conversion& c) {
    double x = 0.0;
    if (a.kind == PercentArg::Kind::Float)
        x = a.float_value;
    else if (a.kind == PercentArg::Kind::Int)
        x = static_cast<double>(a.int_value);
    else
        return type_error("must be real number, not " + type_text(a));
    if (c.precision > kMaxFormattedWidth)
        return PyError{"MemoryError", ""};
    DoubleToStringFlags flags;
    flags.alternate = (c.flags & kAlternate) != 0;
    int precision = c.precision < 0 ? 6 : static_cast<int>(c.precision);
    return double_to_string(x, static_cast<char>(c.ch), precision, flags);
}

Outcome<std::string> convert_char(const PercentArg& a) {
    std::string out;
    if (a.kind == PercentArg::Kind::Str && utf8::length(a.text) == 1)
        return std::string(a.text);
    if (a.kind != PercentArg::Kind::Int)
        return type_error("%c requires int or char");
    if (a.int_value < 0 || a.int_value > 0x10ffff)
        return overflow_error("%c arg not in range(0x110000)");
    utf8::append(out, static_cast<char32_t>(a.int_value));
    return out;
}

Outcome<Piece> convert(const PercentArg& a, const Conversion& c, PercentArgs& args, std::size_t index) {
    Outcome<std::string> text = std::string();
    bool numeric = true;
    switch (c.ch) {
    case U's': text = args.to_str(a); numeric = false; break;
    case U'r': text = args.to_repr(a); numeric = false; break;
    case U'a': text = args.to_ascii(a); numeric = false; break;
    case U'c': text = convert_char(a); numeric = false; break;
    case U'd': case U'i': case U'u': case U'o': case U'x': case U'X':
        text = convert_integer(a, c);
        break;
    case U'e': case U'E': case U'f': case U'F': case U'g': case U'G':
        text = convert_float(a, c);
        break;
    default: {
        char buf[96];
        unsigned code = static_cast<unsigned>(c.ch);
        std::snprintf(buf, sizeof buf, "unsupported format character '%c' (0x%x) at index %zu",
                      (code >= 32 && code <= 126) ? static_cast<char>(code) : '?', code, index);
        return value_error(buf);
    }
    }
    if (auto* err = std::get_if<PyError>(&text))
        return *err;
    return Piece{std::get<std::string>(std::move(text)), numeric};
}

// unicode_format_arg_output: sign and 0x/0o prefix go before zero padding and
// after space padding; '-' pads on the right with spaces.
void emit(std::string& out, Piece piece, const Conversion& c) {
    std::string body = std::move(piece.text);
    if (!piece.numeric && c.precision >= 0 && (c.ch == U's' || c.ch == U'r' || c.ch == U'a'))
        body = std::string(utf8::prefix(body, static_cast<std::size_t>(c.precision)));
    std::string head;
    if (piece.numeric) {
        if (body[0] == '-' || body[0] == '+') {
            head = body.substr(0, 1);
            body.erase(0, 1);
        } else if (c.flags & kSign) {
            head = "+";
        } else if (c.flags & kBlank) {
            head = " ";
        }
        if ((c.flags & kAlternate) && (c.ch == U'x' || c.ch == U'X' || c.ch == U'o')) {
            head += body.substr(0, 2);
            body.erase(0, 2);
        }
    }
    const bool zero_fill = piece.numeric && (c.flags & kZero);
    std::int64_t len = static_cast<std::int64_t>(utf8::length(head) + utf8::length(body));
    std::int64_t pad = std::max<std::int64_t>(0, c.width - len);
    if (c.flags & kLeftJustify) {
        out += head;
        out += body;
        out.append(static_cast<std::size_t>(pad), ' ');
    } else if (zero_fill) {
        out += head;
        out.append(static_cast<std::size_t>(pad), '0');
        out += body;
    } else {
        out.append(static_cast<std::size_t>(pad), ' ');
        out += head;
        out += body;
    }
}

std::optional<PyError> format_one(Parser& p, ArgCursor& args, PercentArgs& source, std::string& out) {
    if (!p.at_end() && p.fmt[p.pos] == U'%') {
        ++p.pos;
        out.push_back('%');
        return std::nullopt;
    }
    Conversion c;
    if (auto err = parse_conversion(p, args, c))
        return err;
    Outcome<PercentArg> arg = args.next();
    if (auto* err = std::get_if<PyError>(&arg))
        return *err;
    Outcome<Piece> piece = convert(std::get<PercentArg>(arg), c, source, p.pos - 1);
    if (auto* err = std::get_if<PyError>(&piece))
        return *err;
    // CPython only fails when it allocates the padded result.
    if (c.width > kMaxFormattedWidth)
        return PyError{"MemoryError", ""};
    emit(out, std::get<Piece>(std::move(piece)), c);
    return std::nullopt;
}

} // namespace

Outcome<std::string> percent_format(std::string_view format, PercentArgs& args) {
    Parser p;
    p.fmt.reserve(format.size());
    for (std::size_t i = 0; i < format.size();)
        p.fmt.push_back(utf8::decode(format, i));
    ArgCursor cursor(args);
    cursor.start();
    std::string out;
    out.reserve(format.size() + 16);
    while (!p.at_end()) {
        char32_t ch = p.fmt[p.pos++];
        if (ch < 0x80 && ch != U'%') {
            out.push_back(static_cast<char>(ch));
            continue;
        }
        if (ch != U'%') {
            utf8::append(out, ch);
            continue;
        }
        if (p.at_end())
            return value_error("incomplete format");
        if (auto err = format_one(p, cursor, args, out))
            return *err;
    }
    if (!cursor.all_used())
        return type_error("not all arguments converted during string formatting");
    return out;
}

} // namespace looplab::lang::support
