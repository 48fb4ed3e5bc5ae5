#include "engine/lang/support/unicode_printable.hpp"

#include <algorithm>
#include <cstdio>

namespace looplab::lang::support::unicode {

bool is_printable(char32_t cp) {
  // ASCII is the common case: only the C0 controls and DEL are not printable there.
  if (cp < 0x80) return cp >= 0x20 && cp != 0x7F;
  const CodePointRange* end = kPrintableRanges + kPrintableRangeCount;
  const CodePointRange* it = std::upper_bound(
      kPrintableRanges, end, cp, [](char32_t c, const CodePointRange& r) { return c < r.first; });
  return it != kPrintableRanges && cp <= (it - 1)->last;
}

void append_code_point_escape(std::string& out, char32_t cp) {
  char buf[16];
  unsigned value = static_cast<unsigned>(cp);
  if (cp < 0x100) {
    std::snprintf(buf, sizeof buf, "\\x%02x", value);
  } else if (cp < 0x10000) {
    std::snprintf(buf, sizeof buf, "\\u%04x", value);
  } else {
    std::snprintf(buf, sizeof buf, "\\U%08x", value);
  }
  out += buf;
}

}  // namespace looplab::lang::support::unicode
