#pragma once
// Colours for the source view: a small Python tokenizer that splits each line into
// spans. It only needs to look right, not to parse: the compiler reports real errors.

#include <string>
#include <string_view>
#include <vector>

namespace looplab::app {

enum class TokenKind { Plain, Keyword, Builtin, String, Number, Comment, Decorator, Definition };

struct Span {
  int begin = 0;  // byte offsets into the line
  int end = 0;
  TokenKind kind = TokenKind::Plain;
};

struct SourceLine {
  std::string_view text;
  std::vector<Span> spans;
};

// Splits `source` into lines (views into it) with their spans; triple-quoted strings
// carry across lines.
std::vector<SourceLine> highlight_python(std::string_view source);

}  // namespace looplab::app
