#pragma once
// What every exporter writes: numbers in fixed, locale-independent forms and text
// escaped for its container (JSON, XML, CSV). Everything appends to a std::string so an
// exporter can fill a buffer and hand it to its stream in large blocks (OutputBuffer).
//
// Determinism: numbers go through std::to_chars only (no printf: the GUI may change the
// C locale, and a comma decimal point would corrupt JSON and CSV).

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>

namespace looplab::exporter {

// [SECTION] Numbers ------------------------------------------------------------------

// Seconds with three decimals, as the lessons write times: "5.000".
void append_seconds(std::string& out, double seconds);
// Python's repr(float): shortest round-trip digits, "3.0", "0.1", "1e-05", "inf".
void append_python_float(std::string& out, double value);
// A delay recovered as `when - now`: rounded to the clock resolution first, so that
// 0.30000000000000004 - 0.1 reads "0.2" as the program wrote it.
void append_delay(std::string& out, double seconds);
// Virtual seconds as Trace Event microseconds with nanosecond digits: "1500000.000".
void append_micros(std::string& out, double seconds);
// Whole nanoseconds of `seconds` (the unit JSON timestamps and durations are cut from,
// so that ts + dur of consecutive slices agree exactly).
long long to_nanos(double seconds);
void append_nanos_as_micros(std::string& out, long long nanos);
void append_uint(std::string& out, unsigned long long value);
// Fixed two decimals for SVG coordinates.
void append_coord(std::string& out, double value);

// [SECTION] Text ---------------------------------------------------------------------
// Program output may hold anything; each escaper replaces invalid UTF-8 with U+FFFD so
// the file stays valid for its parser.

// A JSON string literal, quotes included.
void append_json_string(std::string& out, std::string_view text);
// XML character data or attribute value (quotes escaped too); characters XML 1.0
// forbids (C0 controls other than tab, LF, CR) become U+FFFD.
void append_xml_text(std::string& out, std::string_view text);
// One RFC 4180 field: quoted when it holds a comma, quote, CR or LF.
void append_csv_field(std::string& out, std::string_view text);
// Valid UTF-8 copy of `text`.
void append_utf8(std::string& out, std::string_view text);

// [SECTION] Buffered output ----------------------------------------------------------

// A string the exporters append to; it goes to the stream in ~64 KiB blocks so a
// million-event export never holds the whole file in memory.
class OutputBuffer {
 public:
  explicit OutputBuffer(std::ostream& out) : out_(out) { text.reserve(kBlock + 4096); }
  OutputBuffer(const OutputBuffer&) = delete;
  OutputBuffer& operator=(const OutputBuffer&) = delete;

  std::string text;

  void maybe_flush() {
    if (text.size() >= kBlock) flush();
  }
  // Writes what is buffered; false if the stream failed (now or before).
  bool flush();

 private:
  static constexpr size_t kBlock = 64 * 1024;
  std::ostream& out_;
};

}  // namespace looplab::exporter
