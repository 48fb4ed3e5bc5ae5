#include <catch2/catch.hpp>

#include <string>

#include "engine/export/palette.hpp"
#include "engine/export/writers.hpp"

namespace looplab::exporter {
namespace {

template <class F, class... A>
std::string appended(F f, A... args) {
  std::string out;
  f(out, args...);
  return out;
}

TEST_CASE("floats are written as Python's repr writes them") {
  // Python 3.11: repr(x) for each x.
  CHECK(appended(append_python_float, 3.0) == "3.0");
  CHECK(appended(append_python_float, 0.1) == "0.1");
  CHECK(appended(append_python_float, 0.1 + 0.2) == "0.30000000000000004");
  CHECK(appended(append_python_float, 1e-05) == "1e-05");
  CHECK(appended(append_python_float, 0.0001) == "0.0001");
  CHECK(appended(append_python_float, 1e16) == "1e+16");
  CHECK(appended(append_python_float, 1e15) == "1000000000000000.0");
  CHECK(appended(append_python_float, 123456.789) == "123456.789");
  CHECK(appended(append_python_float, -2.5) == "-2.5");
  CHECK(appended(append_python_float, 1.5e300) == "1.5e+300");
  CHECK(appended(append_python_float, 0.0) == "0.0");
}

TEST_CASE("a delay recovered by subtraction reads as the program wrote it") {
  CHECK(appended(append_delay, (0.1 + 0.2) - 0.1) == "0.2");
  CHECK(appended(append_delay, 5.0 - 2.0) == "3.0");
  CHECK(appended(append_delay, 1e-3) == "0.001");
}

TEST_CASE("times are fixed-point and timestamps are exact microseconds") {
  CHECK(appended(append_seconds, 2.5) == "2.500");
  CHECK(appended(append_seconds, 0.0) == "0.000");
  CHECK(appended(append_micros, 1.5) == "1500000.000");
  CHECK(appended(append_micros, 0.1 + 0.2) == "300000.000");
  CHECK(appended(append_micros, 1e-9) == "0.001");
  CHECK(appended(append_coord, -0.001) == "0.00");
}

TEST_CASE("escapers produce valid JSON, XML and CSV from any bytes") {
  CHECK(appended(append_json_string, std::string_view("a\"b\\c\n\x01")) ==
        "\"a\\\"b\\\\c\\n\\u0001\"");
  CHECK(appended(append_json_string, std::string_view("caf\xC3\xA9 \xFF")) ==
        "\"caf\xC3\xA9 \xEF\xBF\xBD\"");
  CHECK(appended(append_xml_text, std::string_view("<a href='x'>&\x02</a>")) ==
        "&lt;a href=&apos;x&apos;&gt;&amp;\xEF\xBF\xBD&lt;/a&gt;");
  CHECK(appended(append_csv_field, std::string_view("plain")) == "plain");
  CHECK(appended(append_csv_field, std::string_view("a,b")) == "\"a,b\"");
  CHECK(appended(append_csv_field, std::string_view("say \"hi\"\r\n")) == "\"say \"\"hi\"\"\r\n\"");
  // Overlong encodings and lone surrogates are not UTF-8.
  CHECK(appended(append_utf8, std::string_view("\xC0\xAF\xED\xA0\x80")) ==
        "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST_CASE("palette colours convert to ImGui and hex forms") {
  constexpr Color c = rgb(0x009E73);
  STATIC_REQUIRE(c.imgui() == 0xFF739E00u);
  CHECK(std::string(c.hex().data()) == "#009e73");
  CHECK(palette(Theme::Light).of(LaneState::Running).g == 0x9E);
  CHECK(palette(Theme::Dark).background.r < 0x40);
}

}  // namespace
}  // namespace looplab::exporter
