#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "engine/lang/lexer.hpp"

using looplab::lang::Lexer;
using looplab::lang::Op;
using looplab::lang::Tok;

namespace {

// A compact rendering of the token stream: names, numbers and strings by their text,
// operators by their spelling, NEWLINE/INDENT/DEDENT/ENDMARKER as N/I/D/E.
std::string tokens_of(const std::string& source) {
  Lexer lexer(source, "f.py");
  std::string out;
  for (;;) {
    auto t = lexer.next();
    if (!out.empty()) out += ' ';
    switch (t.kind) {
      case Tok::Newline: out += 'N'; break;
      case Tok::Indent: out += 'I'; break;
      case Tok::Dedent: out += 'D'; break;
      case Tok::EndMarker: out += 'E'; return out;
      case Tok::Error: out += "ERR(" + lexer.error()->info.message + ")"; return out;
      default: out += std::string(t.text); break;
    }
  }
}

}  // namespace

TEST_CASE("indentation produces INDENT and one DEDENT per closed level") {
  CHECK(tokens_of("if x:\n    if y:\n        z\nw\n") ==
        "if x : N I if y : N I z N D D w N E");
}

TEST_CASE("blank and comment-only lines produce no tokens") {
  CHECK(tokens_of("a\n\n   # note\n\t\nb  # trailing\n") == "a N b N E");
}

TEST_CASE("newlines inside brackets and after a backslash join lines") {
  CHECK(tokens_of("x = (1,\n     2)\ny = 1 + \\\n    2\n") == "x = ( 1 , 2 ) N y = 1 + 2 N E");
}

TEST_CASE("a missing final newline still ends the statement and closes blocks") {
  CHECK(tokens_of("if x:\n  y") == "if x : N I y N D E");
}

TEST_CASE("operators are matched longest first") {
  CHECK(tokens_of("a //= b ** c -> d := e ... f @= g != h <<= i\n") ==
        "a //= b ** c -> d := e ... f @= g != h <<= i N E");
}

TEST_CASE("numbers keep their literal text, underscores included") {
  CHECK(tokens_of("1_000 0x_ff 0o17 0b1 1.5e-3 .5 5. 1_0.0_1 3j\n") ==
        "1_000 0x_ff 0o17 0b1 1.5e-3 .5 5. 1_0.0_1 3j N E");
}

TEST_CASE("string tokens cover prefix, quotes and escaped quotes") {
  CHECK(tokens_of("f'a{b}' rb\"x\\\"y\" '''t\nu'''\n") == "f'a{b}' rb\"x\\\"y\" '''t\nu''' N E");
}

TEST_CASE("keywords are recognised and soft keywords are not") {
  CHECK(looplab::lang::is_keyword("async"));
  CHECK(looplab::lang::is_keyword("await"));
  CHECK_FALSE(looplab::lang::is_keyword("match"));
  CHECK_FALSE(looplab::lang::is_keyword("print"));
}

TEST_CASE("tokenizer errors stop the stream") {
  CHECK(tokens_of("x = 'abc\n") == "x = ERR(unterminated string literal (detected at line 1))");
  CHECK(tokens_of("x = 1abc\n") == "x = ERR(invalid decimal literal)");
  CHECK(tokens_of("x = )\n") == "x = ERR(unmatched ')')");
}

TEST_CASE("token positions are 1-based lines and 0-based byte columns") {
  Lexer lexer("if x:\n    é = 1\n", "f.py");
  std::vector<looplab::lang::Token> tokens;
  for (auto t = lexer.next(); t.kind != Tok::EndMarker; t = lexer.next()) tokens.push_back(t);
  REQUIRE(tokens.size() >= 7);
  CHECK(tokens[1].text == "x");
  CHECK(tokens[1].col == 3);
  CHECK(tokens[5].text == "é");
  CHECK(tokens[5].line == 2);
  CHECK(tokens[5].col == 4);
  CHECK(tokens[5].end_col == 6);
  CHECK(tokens[6].op == Op::Equal);
  CHECK(tokens[6].col == 7);
}
