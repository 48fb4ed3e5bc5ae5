#pragma once
// The diagnostic the front end (lexer, parser, context checks) reports, and its
// rendering exactly as CPython 3.11 prints an uncaught SyntaxError:
//
//     File "f.py", line 3
//       if x
//           ^
//   SyntaxError: expected ':'
//
// `type` is "SyntaxError", "IndentationError", "TabError", or "NotImplementedError" for a
// construct outside LoopLab's subset (message "LoopLab does not support <what> (line N)",
// rendered without the file/caret block).

#include <string>

namespace looplab::lang {

struct SyntaxErrorInfo {
  std::string type;
  std::string message;
  std::string filename;
  int line = 0;     // 1-based; 0 when the error has no line
  int col = 0;      // 1-based character column of the first caret; 0 = no caret
  int end_col = 0;  // 1-based character column just past the last caret (CPython's end_offset)
  std::string source_line;  // the offending line, without its newline
};

// The full stderr text CPython prints for this error (ends with "\n").
std::string render_syntax_error(const SyntaxErrorInfo& e);

// The last line alone: "SyntaxError: expected ':'".
std::string syntax_error_summary(const SyntaxErrorInfo& e);

}  // namespace looplab::lang
