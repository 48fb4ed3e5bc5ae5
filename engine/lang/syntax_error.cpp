#include "engine/lang/syntax_error.hpp"

#include "engine/lang/lexer.hpp"

namespace looplab::lang {

namespace {

// CPython's print_error_text (Python/pythonrun.c): the line without its indentation,
// then carets from `offset` to `end_offset` (character columns, 1-based), omitted when
// the offset falls inside the stripped indentation.
std::string error_text(const SyntaxErrorInfo& e) {
  int offset = e.col;
  int end_offset = e.end_col;
  int line_chars = utf8_length(e.source_line);
  if (end_offset > line_chars + 1) end_offset = line_chars + 1;
  // CPython ignores end_offset for SyntaxError's subclasses (IndentationError, TabError).
  bool exact = e.type == "SyntaxError" || e.type == "NotImplementedError";
  int carets = exact && end_offset > 0 && end_offset > offset ? end_offset - offset : 1;
  std::string_view text = e.source_line;
  --offset;
  while (!text.empty() && (text[0] == ' ' || text[0] == '\t' || text[0] == '\f')) {
    text.remove_prefix(1);
    --offset;
  }
  int len = utf8_length(text);
  if (offset > len) offset = len;
  std::string out = "    " + std::string(text) + "\n";
  if (offset < 0) return out;
  out += "    " + std::string(static_cast<size_t>(offset), ' ') +
         std::string(static_cast<size_t>(carets), '^') + "\n";
  return out;
}

}  // namespace

std::string syntax_error_summary(const SyntaxErrorInfo& e) {
  return e.message.empty() ? e.type : e.type + ": " + e.message;
}

std::string render_syntax_error(const SyntaxErrorInfo& e) {
  std::string out;
  if (e.line > 0) {
    out += "  File \"" + e.filename + "\", line " + std::to_string(e.line) + "\n";
    if (!e.source_line.empty()) out += error_text(e);
  }
  return out + syntax_error_summary(e) + "\n";
}

}  // namespace looplab::lang
