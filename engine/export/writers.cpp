#include "engine/export/writers.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>

namespace looplab::exporter {

// [SECTION] Numbers ------------------------------------------------------------------

void append_seconds(std::string& out, double seconds) {
  char buf[64];
  const auto r = std::to_chars(buf, buf + sizeof buf, seconds, std::chars_format::fixed, 3);
  out.append(buf, r.ptr);
}

namespace {

// Python's float_repr_style 'short' layout (Python/pystrtod.c, format_float_short):
// exponent form when the decimal point is more than 16 places right or 4 places left.
void layout_python_repr(std::string& out, std::string_view digits, int decpt) {
  const int n = static_cast<int>(digits.size());
  if (decpt <= -4 || decpt > 16) {
    out += digits[0];
    if (n > 1) {
      out += '.';
      out.append(digits.substr(1));
    }
    const int exp = decpt - 1;
    out += exp < 0 ? "e-" : "e+";
    const int mag = std::abs(exp);
    if (mag < 10) out += '0';
    append_uint(out, static_cast<unsigned>(mag));
  } else if (decpt <= 0) {
    out += "0.";
    out.append(static_cast<size_t>(-decpt), '0');
    out.append(digits);
  } else if (decpt >= n) {
    out.append(digits);
    out.append(static_cast<size_t>(decpt - n), '0');
    out += ".0";
  } else {
    out.append(digits.substr(0, static_cast<size_t>(decpt)));
    out += '.';
    out.append(digits.substr(static_cast<size_t>(decpt)));
  }
}

}  // namespace

void append_python_float(std::string& out, double value) {
  if (std::isnan(value)) {
    out += "nan";
    return;
  }
  if (std::signbit(value)) out += '-';
  value = std::fabs(value);
  if (std::isinf(value)) {
    out += "inf";
    return;
  }
  if (value == 0.0) {
    out += "0.0";
    return;
  }
  char buf[64];
  const auto r = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::scientific);
  const std::string_view sci(buf, static_cast<size_t>(r.ptr - buf));
  const size_t e = sci.find('e');
  char digits[32];
  size_t n = 0;
  for (char ch : sci.substr(0, e))
    if (ch != '.') digits[n++] = ch;
  int exponent = 0;
  std::from_chars(sci.data() + e + (sci[e + 1] == '+' ? 2 : 1), sci.data() + sci.size(), exponent);
  layout_python_repr(out, std::string_view(digits, n), exponent + 1);
}

void append_delay(std::string& out, double seconds) {
  append_python_float(out, std::nearbyint(seconds * 1e9) / 1e9);
}

long long to_nanos(double seconds) {
  return std::llround(seconds * 1e9);
}

void append_nanos_as_micros(std::string& out, long long nanos) {
  if (nanos < 0) {
    out += '-';
    nanos = -nanos;
  }
  append_uint(out, static_cast<unsigned long long>(nanos / 1000));
  const auto frac = static_cast<int>(nanos % 1000);
  out += '.';
  out += static_cast<char>('0' + frac / 100);
  out += static_cast<char>('0' + frac / 10 % 10);
  out += static_cast<char>('0' + frac % 10);
}

void append_micros(std::string& out, double seconds) {
  append_nanos_as_micros(out, to_nanos(seconds));
}

void append_uint(std::string& out, unsigned long long value) {
  char buf[24];
  const auto r = std::to_chars(buf, buf + sizeof buf, value);
  out.append(buf, r.ptr);
}

void append_coord(std::string& out, double value) {
  char buf[64];
  // -0.00 and 0.00 must print alike for byte-identical files.
  const double rounded = std::nearbyint(value * 100.0) / 100.0;
  const auto r = std::to_chars(buf, buf + sizeof buf, rounded == 0.0 ? 0.0 : rounded,
                               std::chars_format::fixed, 2);
  out.append(buf, r.ptr);
}

// [SECTION] Text ---------------------------------------------------------------------

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

// Length of the valid UTF-8 sequence at text[i], or 0 if it is not one.
size_t utf8_sequence_length(std::string_view text, size_t i) {
  const auto lead = static_cast<unsigned char>(text[i]);
  if (lead < 0x80) return 1;
  size_t len = 0;
  uint32_t min = 0;
  if ((lead & 0xE0) == 0xC0) {
    len = 2;
    min = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    len = 3;
    min = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    len = 4;
    min = 0x10000;
  } else {
    return 0;
  }
  if (i + len > text.size()) return 0;
  uint32_t cp = lead & (0x7Fu >> len);
  for (size_t k = 1; k < len; ++k) {
    const auto cont = static_cast<unsigned char>(text[i + k]);
    if ((cont & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (cont & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return len;
}

// Calls ascii(ch) for each ASCII byte and copies valid multi-byte sequences through.
template <class AsciiFn>
void for_each_char(std::string& out, std::string_view text, AsciiFn ascii) {
  size_t i = 0;
  while (i < text.size()) {
    const size_t len = utf8_sequence_length(text, i);
    if (len == 0) {
      out += kReplacement;
      ++i;
    } else if (len == 1) {
      ascii(text[i]);
      ++i;
    } else {
      out.append(text.substr(i, len));
      i += len;
    }
  }
}

}  // namespace

void append_utf8(std::string& out, std::string_view text) {
  for_each_char(out, text, [&](char ch) { out += ch; });
}

void append_json_string(std::string& out, std::string_view text) {
  out += '"';
  for_each_char(out, text, [&](char ch) {
    switch (ch) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(ch) < 0x20) {
          constexpr char hex[] = "0123456789abcdef";
          out += "\\u00";
          out += hex[(ch >> 4) & 0xF];
          out += hex[ch & 0xF];
        } else {
          out += ch;
        }
    }
  });
  out += '"';
}

void append_xml_text(std::string& out, std::string_view text) {
  for_each_char(out, text, [&](char ch) {
    switch (ch) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      case '\t':
      case '\n':
      case '\r':
        out += ch;
        break;
      default:
        if (static_cast<unsigned char>(ch) < 0x20 || ch == 0x7F)
          out += kReplacement;
        else
          out += ch;
    }
  });
}

void append_csv_field(std::string& out, std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) {
    append_utf8(out, text);
    return;
  }
  out += '"';
  for_each_char(out, text, [&](char ch) {
    if (ch == '"') out += '"';
    out += ch;
  });
  out += '"';
}

// [SECTION] Buffered output ----------------------------------------------------------

bool OutputBuffer::flush() {
  if (!text.empty()) out_.write(text.data(), static_cast<std::streamsize>(text.size()));
  text.clear();
  return static_cast<bool>(out_);
}

}  // namespace looplab::exporter
