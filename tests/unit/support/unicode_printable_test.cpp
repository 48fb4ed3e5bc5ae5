#include "engine/lang/support/unicode_printable.hpp"

#include <catch2/catch.hpp>

using namespace looplab::lang::support::unicode;

TEST_CASE("printable ranges are sorted, disjoint and separated by gaps", "[support][unicode]") {
  REQUIRE(kPrintableRangeCount > 0);
  for (std::size_t i = 0; i < kPrintableRangeCount; ++i) {
    const CodePointRange& r = kPrintableRanges[i];
    REQUIRE(r.first <= r.last);
    REQUIRE(r.last <= 0x10FFFF);
    // Adjacent ranges would have been merged by the generator.
    if (i > 0) REQUIRE(r.first > kPrintableRanges[i - 1].last + 1);
  }
}

TEST_CASE("ASCII is printable from space to tilde only", "[support][unicode]") {
  for (char32_t c = 0; c < 0x80; ++c) {
    INFO("code point " << static_cast<unsigned>(c));
    REQUIRE(is_printable(c) == (c >= 0x20 && c < 0x7F));
  }
}

TEST_CASE("separators, controls, format, surrogate, private and unassigned code points are "
          "not printable",
          "[support][unicode]") {
  for (char32_t c : {0x85, 0xA0, 0xAD, 0x0378, 0x200B, 0x2028, 0x2029, 0x3000, 0xD800, 0xDFFF,
                     0xE000, 0xFEFF, 0xFFFF, 0xE0001, 0xF0000, 0x10FFFF}) {
    INFO("code point " << static_cast<unsigned>(c));
    REQUIRE_FALSE(is_printable(c));
  }
}

TEST_CASE("letters, marks, symbols and emoji are printable", "[support][unicode]") {
  for (char32_t c : {0xA1, 0xE9, 0x0301, 0x03B1, 0x65E5, 0xFFFD, 0x1F600, 0x2A6DF}) {
    INFO("code point " << static_cast<unsigned>(c));
    REQUIRE(is_printable(c));
  }
}

TEST_CASE("code point escapes use the shortest of \\x, \\u and \\U", "[support][unicode]") {
  std::string out;
  for (char32_t c : {0x00, 0x85, 0xFF, 0x100, 0x2028, 0xFFFF, 0x10000, 0x10FFFF}) {
    append_code_point_escape(out, c);
  }
  REQUIRE(out == "\\x00\\x85\\xff\\u0100\\u2028\\uffff\\U00010000\\U0010ffff");
}
