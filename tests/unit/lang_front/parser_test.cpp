#include <catch2/catch.hpp>
#include <vector>

#include "engine/lang/ast.hpp"
#include "engine/lang/parser.hpp"
#include "tests/unit/lang_front/front_cases.hpp"

using looplab::lang::parse_module;
using looplab::lang::test::load_cases;
using looplab::lang::test::summary_of;

TEST_CASE("AST dumps equal CPython's ast.dump for every case in ast_cases.json") {
  auto cases = load_cases("ast_cases.json");
  REQUIRE(cases.size() > 20);
  for (const auto& c : cases) {
    const std::string src = c["src"];
    INFO("source:\n" << src);
    auto r = parse_module(src, "f.py");
    REQUIRE(r.ok());
    CHECK(looplab::lang::ast::dump(*r.module) == c["dump"].get<std::string>());
  }
}

TEST_CASE("statement positions equal CPython's lineno and col_offset") {
  for (const auto& c : load_cases("ast_cases.json")) {
    const std::string src = c["src"];
    INFO("source:\n" << src);
    auto r = parse_module(src, "f.py");
    REQUIRE(r.ok());
    const auto& spans = c["stmt_spans"];
    REQUIRE(spans.size() == r.module->body.size());
    for (size_t i = 0; i < spans.size(); ++i) {
      const auto& s = r.module->body[i]->span;
      CHECK(std::vector<int>{s.line, s.col, s.end_line, s.end_col} ==
            spans[i].get<std::vector<int>>());
    }
  }
}

TEST_CASE("integer literals beyond int64 keep their digits for big ints") {
  auto r = parse_module("x = 123456789012345678901234567890\n", "f.py");
  REQUIRE(r.ok());
  const auto& value = r.module->body[0]->as<looplab::lang::ast::Assign>().value->as<
      looplab::lang::ast::Constant>();
  CHECK(value.int_overflow);
  CHECK(value.text == "123456789012345678901234567890");
}

TEST_CASE("constructs outside LoopLab's subset are NotImplementedError with their line") {
  CHECK(summary_of("x = 1\nmatch x:\n    case 1:\n        pass\n") ==
        "NotImplementedError: LoopLab does not support match statements (line 2)");
  CHECK(summary_of("x = b'abc'\n") ==
        "NotImplementedError: LoopLab does not support bytes literals (line 1)");
  CHECK(summary_of("\n\nz = 2j\n") ==
        "NotImplementedError: LoopLab does not support complex numbers (line 3)");
  CHECK(summary_of("from . import x\n") ==
        "NotImplementedError: LoopLab does not support relative imports (line 1)");
  CHECK(summary_of("class A(metaclass=M):\n    pass\n") ==
        "NotImplementedError: LoopLab does not support class keyword arguments (line 1)");
  CHECK(summary_of("print('\\N{BULLET}')\n") ==
        "NotImplementedError: LoopLab does not support \\N{...} escapes (line 1)");
}

TEST_CASE("a syntax error anywhere wins over an unsupported construct") {
  CHECK(summary_of("x = 2j\ny = (\n") == "SyntaxError: '(' was never closed");
  CHECK(summary_of("x = 2j\nreturn 1\n") == "SyntaxError: 'return' outside function");
}

TEST_CASE("parse_module_syntax skips the context checks") {
  CHECK(looplab::lang::parse_module_syntax("return 1\n", "f.py").ok());
  CHECK_FALSE(parse_module("return 1\n", "f.py").ok());
}

TEST_CASE("CRLF and CR line endings parse like LF") {
  CHECK(summary_of("if x:\r\n    y = 1\r\nz = 2\r\n") == "ok");
  CHECK(summary_of("if x:\r    y = 1\rz = 2\r") == "ok");
}
