#pragma once
// The tokenizer: UTF-8 source in, CPython's token stream out (NAME, NUMBER, STRING, OP,
// NEWLINE, INDENT, DEDENT, ENDMARKER), produced on demand as the parser asks, so that an
// error the parser finds first is reported first, as in CPython. Blank and comment-only
// lines produce nothing (CPython's NL and COMMENT tokens are not needed by a parser).
//
// Error kinds mirror CPython's tokenizer, because the parser treats them differently:
// a "syntax" error (unterminated string, bad number, stray bracket, ...) is raised at
// once and also overrides a parser error found earlier in the file; an "indentation"
// error is only reported when the parser reaches it; reaching the end of the file inside
// brackets is reported by the parser as "'(' was never closed".

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/lang/syntax_error.hpp"

namespace looplab::lang {

// Operators and delimiters, longest spelling first within a shared prefix is not needed:
// the lexer matches greedily by length.
#define LOOPLAB_OPERATORS(X)                                                                  \
  X(LPar, "(") X(RPar, ")") X(LSqb, "[") X(RSqb, "]") X(LBrace, "{") X(RBrace, "}")           \
  X(Colon, ":") X(Comma, ",") X(Semi, ";") X(Plus, "+") X(Minus, "-") X(Star, "*")            \
  X(Slash, "/") X(VBar, "|") X(Amper, "&") X(Less, "<") X(Greater, ">") X(Equal, "=")         \
  X(Dot, ".") X(Percent, "%") X(EqEqual, "==") X(NotEqual, "!=") X(LessEqual, "<=")           \
  X(GreaterEqual, ">=") X(Tilde, "~") X(Circumflex, "^") X(LeftShift, "<<")                   \
  X(RightShift, ">>") X(DoubleStar, "**") X(PlusEqual, "+=") X(MinEqual, "-=")               \
  X(StarEqual, "*=") X(SlashEqual, "/=") X(PercentEqual, "%=") X(AmperEqual, "&=")           \
  X(VBarEqual, "|=") X(CircumflexEqual, "^=") X(LeftShiftEqual, "<<=")                       \
  X(RightShiftEqual, ">>=") X(DoubleStarEqual, "**=") X(DoubleSlash, "//")                   \
  X(DoubleSlashEqual, "//=") X(At, "@") X(AtEqual, "@=") X(RArrow, "->") X(Ellipsis, "...")  \
  X(ColonEqual, ":=") X(Exclamation, "!")

enum class Op : uint8_t {
  None,
#define LOOPLAB_OP_ENUM(name, text) name,
  LOOPLAB_OPERATORS(LOOPLAB_OP_ENUM)
#undef LOOPLAB_OP_ENUM
  // A character CPython tokenizes but no rule accepts ('$', '?', '`'): "invalid syntax".
  Unknown
};

const char* op_text(Op op);

enum class Tok : uint8_t { EndMarker, Name, Number, String, Op, Newline, Indent, Dedent, Error };

struct Token {
  Tok kind = Tok::EndMarker;
  Op op = Op::None;
  std::string_view text;  // the token's source text (whole literal for strings)
  int line = 0;           // 1-based
  int col = 0;            // 0-based byte offset in the line
  int end_line = 0;
  int end_col = 0;
  bool at_eof = false;  // DEDENT/ENDMARKER produced at the end of the file
};

// Immediate: raised by the tokenizer itself (overrides an earlier parser error).
// Deferred: reported only when the parser reaches it (indentation, line continuation).
// EofInBrackets: the parser reports the innermost open bracket as never closed.
enum class LexErrorKind : uint8_t { Immediate, Deferred, EofInBrackets };

struct LexError {
  LexErrorKind kind = LexErrorKind::Immediate;
  SyntaxErrorInfo info;
};

class Lexer {
 public:
  // `source` (the whole file, newlines normalised to '\n') must outlive the lexer and its
  // tokens.
  Lexer(std::string_view source, std::string filename);

  // A lexer over source[begin, end), which starts on `line` whose first byte is at
  // `line_start`, lexed as if wrapped in parentheses (newlines ignored, no INDENT/DEDENT):
  // the expressions of f-string replacement fields.
  Lexer(std::string_view source, std::string filename, size_t begin, size_t end, int line,
        size_t line_start);

  // The next token; after an error, a Tok::Error token forever (see error()).
  Token next();
  const std::optional<LexError>& error() const { return error_; }

  // Bracket opened at (line, col0) that is still open at the end of the file.
  struct OpenBracket {
    char ch;
    int line;
    int col;
  };
  const std::vector<OpenBracket>& open_brackets() const { return brackets_; }


 private:
  bool at_end() const { return pos_ >= end_; }
  char peek(size_t ahead = 0) const { return pos_ + ahead < end_ ? src_[pos_ + ahead] : '\0'; }
  int col() const { return static_cast<int>(pos_ - line_start_); }
  int char_col(size_t at) const;
  void new_line();
  bool in_brackets() const { return implicit_brackets_ || !brackets_.empty(); }

  Token make(Tok kind, size_t start, int start_line, int start_col);
  Token fail(LexErrorKind kind, const char* type, std::string message, int line, int offset,
             int end_offset);
  Token fail_at(const std::string& message, size_t at, int extra = 0);

  bool handle_line_start(Token& out);
  bool compare_indent(int width, int alt_width, Token& out);
  bool skip_space_and_comments(Token& out);
  Token lex_name_or_string();
  Token lex_identifier_error(uint32_t cp, size_t start);
  Token lex_number();
  bool lex_number_prefixed(Token& out);
  bool lex_leading_zeros(Token& out);
  bool lex_decimal_rest(Token& out);
  bool decimal_tail(Token& out);
  bool verify_end_of_number(const char* kind, Token& out);
  Token lex_string(size_t start, int start_line);
  Token lex_operator();
  Token lex_bracket(char c);
  Token lex_end_of_file();

  std::string_view src_;
  std::string filename_;
  size_t pos_ = 0;
  size_t end_ = 0;
  size_t line_start_ = 0;
  size_t token_start_ = 0;
  int line_ = 1;
  bool implicit_brackets_ = false;
  bool at_line_start_ = true;
  bool line_has_tokens_ = false;
  std::vector<int> indents_{0};
  std::vector<int> alt_indents_{0};
  int pending_dedents_ = 0;
  std::vector<OpenBracket> brackets_;
  std::optional<LexError> error_;
  Token error_token_;
};

// Number of UTF-8 characters in `bytes` (CPython's caret columns count characters).
int utf8_length(std::string_view bytes);

// The text of a 1-based line of `source`, without its newline.
std::string_view source_line(std::string_view source, int line);

// Decode one UTF-8 code point at `pos` (advancing it); invalid bytes decode as U+FFFD.
uint32_t decode_utf8(std::string_view s, size_t& pos);

// Is `text` a Python keyword (hard keywords only; `match`/`case`/`_` are soft)?
bool is_keyword(std::string_view text);

}  // namespace looplab::lang
