#include <catch2/catch.hpp>

#include "engine/lang/parser.hpp"
#include "tests/unit/lang_front/front_cases.hpp"

using looplab::lang::parse_module;
using looplab::lang::render_syntax_error;
using looplab::lang::test::load_cases;

TEST_CASE("syntax errors render exactly as `python3 f.py` prints them") {
  auto cases = load_cases("error_cases.json");
  REQUIRE(cases.size() > 100);
  for (const auto& c : cases) {
    const std::string src = c["src"];
    INFO("source:\n" << src);
    auto r = parse_module(src, "f.py");
    REQUIRE_FALSE(r.ok());
    CHECK(render_syntax_error(*r.error) == c["stderr"].get<std::string>());
  }
}

TEST_CASE("the diagnostic carries type, message, line and 1-based columns") {
  auto r = parse_module("x = 1\nif x\n    pass\n", "lesson.py");
  REQUIRE(r.error);
  CHECK(r.error->type == "SyntaxError");
  CHECK(r.error->message == "expected ':'");
  CHECK(r.error->filename == "lesson.py");
  CHECK(r.error->line == 2);
  CHECK(r.error->col == 5);
  CHECK(r.error->source_line == "if x");
  CHECK(looplab::lang::syntax_error_summary(*r.error) == "SyntaxError: expected ':'");
}

TEST_CASE("unsupported constructs render with file, line and caret") {
  auto r = parse_module("x = 1\ny = 3j\n", "f.py");
  REQUIRE(r.error);
  CHECK(render_syntax_error(*r.error) ==
        "  File \"f.py\", line 2\n    y = 3j\n        ^^\n"
        "NotImplementedError: LoopLab does not support complex numbers (line 2)\n");
}
