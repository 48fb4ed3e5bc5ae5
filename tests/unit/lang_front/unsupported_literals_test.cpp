// Literals outside LoopLab's subset (bytes, \N{...} escapes, complex numbers) are
// refused by the front end before anything runs: `NotImplementedError: LoopLab does not
// support <what> (line N)` with the file, the line and a caret, as DESIGN.md says.
// These reports are LoopLab's own, so they are written here by hand.
#include <catch2/catch.hpp>

#include <string>

#include "engine/lang/host.hpp"
#include "engine/lang/interpreter.hpp"
#include "engine/lang/parser.hpp"

namespace {

struct Case {
  const char* source;
  int line;
  const char* what;
};

const Case kCases[] = {
    {"x = 1\ndata = b'abc'\n", 2, "bytes literals"},
    {"x = 1\ndata = rb'\\d+'\n", 2, "bytes literals"},
    {"print('a',\n      [b'c'])\n", 2, "bytes literals"},
    {"bullet = '\\N{BULLET}'\n", 1, "\\N{...} escapes"},
    {"x = 1\n\nname = f'{x}\\N{EM DASH}'\n", 3, "\\N{...} escapes"},
    {"x = 1\nz = 3j\n", 2, "complex numbers"},
    {"def f():\n    return 1 + 2.5J\n", 2, "complex numbers"},
};

std::string expected_summary(const Case& c) {
  return std::string("NotImplementedError: LoopLab does not support ") + c.what + " (line " +
         std::to_string(c.line) + ")";
}

}  // namespace

TEST_CASE("the parser refuses bytes, \\N{} escapes and complex literals with file and line") {
  for (const Case& c : kCases) {
    INFO(c.source);
    auto r = looplab::lang::parse_module(c.source, "lesson.py");
    REQUIRE(r.error);
    CHECK(r.error->type == "NotImplementedError");
    CHECK(r.error->filename == "lesson.py");
    CHECK(r.error->line == c.line);
    CHECK(looplab::lang::syntax_error_summary(*r.error) == expected_summary(c));
    std::string report = looplab::lang::render_syntax_error(*r.error);
    CHECK(report.find("File \"lesson.py\", line " + std::to_string(c.line)) != std::string::npos);
    CHECK(report.find('^') != std::string::npos);
  }
}

TEST_CASE("a program with an unsupported literal runs nothing and exits 1") {
  for (const Case& c : kCases) {
    INFO(c.source);
    looplab::lang::BufferHost host;
    looplab::lang::Interpreter interp(host);
    auto outcome = interp.run_file(std::string("print('ran')\n") + c.source, "lesson.py", {});
    CHECK(outcome.status == 1);
    CHECK(host.out.empty());
    Case shifted = c;
    shifted.line += 1;
    CHECK(outcome.summary == expected_summary(shifted));
  }
}
