#include "engine/lang/lexer.hpp"

#include <array>
#include <cstdio>
#include <cstring>

namespace looplab::lang {

// [SECTION] Character classes and UTF-8 ------------------------------------------------

namespace {

// CPython's limits (Parser/tokenizer.h MAXINDENT, MAXLEVEL) and tab size.
constexpr size_t kMaxIndent = 100;
constexpr size_t kMaxLevel = 200;
constexpr int kTabSize = 8;

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool is_ascii_id_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool is_potential_id_char(char c) {
  return is_ascii_id_start(c) || is_digit(c) || static_cast<unsigned char>(c) >= 0x80;
}

// Unicode identifier characters are approximated: every non-ASCII code point is a letter
// except the punctuation, symbol and emoji blocks students actually paste into code.
bool is_id_codepoint(uint32_t cp) {
  if (cp < 0x80) return is_ascii_id_start(static_cast<char>(cp)) || is_digit(static_cast<char>(cp));
  if (cp == 0xAA || cp == 0xB5 || cp == 0xBA) return true;
  if (cp <= 0xBF || cp == 0xD7 || cp == 0xF7) return false;
  if (cp >= 0x2000 && cp <= 0x2BFF) return cp == 0x203F || cp == 0x2040;
  if (cp >= 0x3000 && cp <= 0x303F) return cp == 0x3005 || cp == 0x3006 || cp == 0x3007;
  if (cp >= 0xFF00 && cp <= 0xFF20) return cp >= 0xFF10 && cp <= 0xFF19;
  if (cp >= 0x1F000 && cp <= 0x1FAFF) return false;
  return cp != 0xFFFD && cp != 0xFEFF;
}

bool is_string_prefix(std::string_view p) {
  static constexpr std::array<std::string_view, 8> kPrefixes = {"r", "u", "b", "br", "rb",
                                                                "f", "fr", "rf"};
  std::string lower(p);
  for (char& c : lower) c = static_cast<char>(c | 0x20);
  for (auto k : kPrefixes)
    if (k == lower) return true;
  return false;
}

struct OpSpelling {
  Op op;
  const char* text;
};

constexpr OpSpelling kOps[] = {
#define LOOPLAB_OP_ROW(name, text) {Op::name, text},
    LOOPLAB_OPERATORS(LOOPLAB_OP_ROW)
#undef LOOPLAB_OP_ROW
};

}  // namespace

const char* op_text(Op op) {
  for (const auto& row : kOps)
    if (row.op == op) return row.text;
  return "?";
}

uint32_t decode_utf8(std::string_view s, size_t& pos) {
  auto byte = [&](size_t i) { return static_cast<unsigned char>(s[i]); };
  unsigned char b0 = byte(pos);
  int len = b0 < 0x80 ? 1 : (b0 >> 5) == 6 ? 2 : (b0 >> 4) == 14 ? 3 : (b0 >> 3) == 30 ? 4 : 0;
  if (len == 0 || pos + len > s.size()) {
    ++pos;
    return 0xFFFD;
  }
  uint32_t cp = len == 1 ? b0 : b0 & (0x7F >> len);
  for (int i = 1; i < len; ++i) {
    if ((byte(pos + i) & 0xC0) != 0x80) {
      ++pos;
      return 0xFFFD;
    }
    cp = (cp << 6) | (byte(pos + i) & 0x3F);
  }
  pos += len;
  return cp;
}

int utf8_length(std::string_view bytes) {
  int n = 0;
  for (char c : bytes)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

std::string_view source_line(std::string_view source, int line) {
  size_t start = 0;
  for (int l = 1; l < line; ++l) {
    size_t nl = source.find('\n', start);
    if (nl == std::string_view::npos) return {};
    start = nl + 1;
  }
  size_t end = source.find('\n', start);
  return source.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
}

bool is_keyword(std::string_view text) {
  static constexpr std::array<std::string_view, 35> kKeywords = {
      "False", "None",   "True",    "and",      "as",       "assert", "async",
      "await", "break",  "class",   "continue", "def",      "del",    "elif",
      "else",  "except", "finally", "for",      "from",     "global", "if",
      "import", "in",    "is",      "lambda",   "nonlocal", "not",    "or",
      "pass",  "raise",  "return",  "try",      "while",    "with",   "yield"};
  for (auto k : kKeywords)
    if (k == text) return true;
  return false;
}

// [SECTION] Construction and errors ------------------------------------------------------

Lexer::Lexer(std::string_view source, std::string filename)
    : src_(source), filename_(std::move(filename)), end_(source.size()) {
  if (src_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = line_start_ = 3;
}

Lexer::Lexer(std::string_view source, std::string filename, size_t begin, size_t end, int line,
             size_t line_start)
    : src_(source),
      filename_(std::move(filename)),
      pos_(begin),
      end_(end),
      line_start_(line_start),
      line_(line),
      implicit_brackets_(true),
      at_line_start_(false) {}

int Lexer::char_col(size_t at) const {
  return utf8_length(src_.substr(line_start_, at - line_start_));
}

void Lexer::new_line() {
  ++line_;
  line_start_ = pos_;
}

Token Lexer::make(Tok kind, size_t start, int start_line, int start_col) {
  Token t;
  t.kind = kind;
  t.text = src_.substr(start, pos_ - start);
  t.line = start_line;
  t.col = start_col;
  t.end_line = line_;
  t.end_col = col();
  if (kind != Tok::Newline && kind != Tok::Indent && kind != Tok::Dedent) line_has_tokens_ = true;
  return t;
}

Token Lexer::fail(LexErrorKind kind, const char* type, std::string message, int line, int offset,
                  int end_offset) {
  LexError e;
  e.kind = kind;
  e.info.type = type;
  e.info.message = std::move(message);
  e.info.filename = filename_;
  e.info.line = line;
  e.info.col = offset;
  e.info.end_col = end_offset;
  e.info.source_line = std::string(source_line(src_, line));
  error_ = std::move(e);
  error_token_ = Token{};
  error_token_.kind = Tok::Error;
  error_token_.line = error_token_.end_line = line;
  error_token_.col = error_token_.end_col = col();
  return error_token_;
}

// An immediate error whose caret sits on the character at byte `at` of the current line
// (plus `extra` characters), the way CPython's tokenizer reports its position.
Token Lexer::fail_at(const std::string& message, size_t at, int extra) {
  int offset = char_col(at) + extra;
  return fail(LexErrorKind::Immediate, "SyntaxError", message, line_, offset, offset);
}

// [SECTION] The token loop ----------------------------------------------------------------

Token Lexer::next() {
  if (error_) return error_token_;
  if (pending_dedents_ > 0) {
    --pending_dedents_;
    return make(Tok::Dedent, pos_, line_, col());
  }
  for (;;) {
    Token out;
    if (at_line_start_) {
      at_line_start_ = false;
      if (!in_brackets() && handle_line_start(out)) return out;
    }
    if (skip_space_and_comments(out)) return out;
    token_start_ = pos_;
    if (at_end()) return lex_end_of_file();
    char c = peek();
    if (c == '\n') {
      ++pos_;
      if (in_brackets() || !line_has_tokens_) {
        new_line();
        at_line_start_ = true;
        continue;
      }
      Token nl = make(Tok::Newline, token_start_, line_, col() - 1);
      nl.end_col = nl.col;
      new_line();
      at_line_start_ = true;
      line_has_tokens_ = false;
      return nl;
    }
    if (is_digit(c) || (c == '.' && is_digit(peek(1)))) return lex_number();
    if (is_ascii_id_start(c) || static_cast<unsigned char>(c) >= 0x80) return lex_name_or_string();
    if (c == '"' || c == '\'') return lex_string(pos_, line_);
    return lex_operator();
  }
}

// Spaces, tabs, form feeds, comments and backslash-newline joins. Returns true (with
// `out` set to an error token) on a bad continuation.
bool Lexer::skip_space_and_comments(Token& out) {
  for (;;) {
    char c = peek();
    if (at_end()) return false;
    if (c == ' ' || c == '\t' || c == '\f') {
      ++pos_;
    } else if (c == '#') {
      while (!at_end() && peek() != '\n') ++pos_;
    } else if (c == '\\') {
      if (pos_ + 1 >= end_) {
        out = fail(LexErrorKind::Immediate, "SyntaxError", "unexpected EOF while parsing", line_,
                   char_col(pos_) + 1, 0);
        return true;
      }
      if (peek(1) != '\n') {
        out = fail(LexErrorKind::Deferred, "SyntaxError",
                   "unexpected character after line continuation character", line_,
                   char_col(pos_) + 2, 0);
        return true;
      }
      pos_ += 2;
      new_line();
    } else {
      return false;
    }
  }
}

// [SECTION] Indentation ------------------------------------------------------------------

// At the start of a logical line: skip blank and comment-only lines, then compare the
// indentation with the stack. Returns true when it produced a token (INDENT, DEDENT or
// an error).
bool Lexer::handle_line_start(Token& out) {
  for (;;) {
    int width = 0;
    int alt_width = 0;
    while (!at_end()) {
      char c = peek();
      if (c == ' ') {
        ++width, ++alt_width;
      } else if (c == '\t') {
        width = (width / kTabSize + 1) * kTabSize;
        ++alt_width;
      } else if (c == '\f') {
        width = alt_width = 0;
      } else {
        break;
      }
      ++pos_;
    }
    if (at_end()) return false;
    char c = peek();
    if (c == '#' || c == '\n' || (c == '\\' && peek(1) == '\n')) {
      if (c == '\\') return false;
      while (!at_end() && peek() != '\n') ++pos_;
      if (at_end()) return false;
      ++pos_;
      new_line();
      continue;
    }
    return compare_indent(width, alt_width, out);
  }
}

bool Lexer::compare_indent(int width, int alt_width, Token& out) {
  auto tab_error = [&] {
    out = fail(LexErrorKind::Deferred, "TabError",
               "inconsistent use of tabs and spaces in indentation", line_, 1, 0);
    return true;
  };
  if (width == indents_.back()) {
    if (alt_width != alt_indents_.back()) return tab_error();
    return false;
  }
  if (width > indents_.back()) {
    if (indents_.size() >= kMaxIndent) {
      out = fail(LexErrorKind::Deferred, "IndentationError", "too many levels of indentation",
                 line_, width + 1, 0);
      return true;
    }
    if (alt_width <= alt_indents_.back()) return tab_error();
    indents_.push_back(width);
    alt_indents_.push_back(alt_width);
    out = make(Tok::Indent, line_start_, line_, 0);
    return true;
  }
  int dedents = 0;
  while (indents_.size() > 1 && width < indents_.back()) {
    indents_.pop_back();
    alt_indents_.pop_back();
    ++dedents;
  }
  if (width != indents_.back()) {
    // CPython reports the position after the whole line has been read.
    int offset = utf8_length(source_line(src_, line_)) + 2;
    out = fail(LexErrorKind::Deferred, "IndentationError",
               "unindent does not match any outer indentation level", line_, offset, 0);
    return true;
  }
  if (alt_width != alt_indents_.back()) return tab_error();
  pending_dedents_ = dedents - 1;
  out = make(Tok::Dedent, pos_, line_, col());
  return true;
}

Token Lexer::lex_end_of_file() {
  if (!brackets_.empty()) {
    const OpenBracket& b = brackets_.back();
    std::string message = std::string("'") + b.ch + "' was never closed";
    int offset = utf8_length(source_line(src_, b.line).substr(0, static_cast<size_t>(b.col))) + 1;
    return fail(LexErrorKind::EofInBrackets, "SyntaxError", message, b.line, offset, 0);
  }
  if (implicit_brackets_) return make(Tok::EndMarker, pos_, line_, col());
  if (line_has_tokens_) {
    Token nl = make(Tok::Newline, pos_, line_, col());
    nl.end_col = nl.col;
    line_has_tokens_ = false;
    return nl;
  }
  bool dedent = indents_.size() > 1;
  if (dedent) {
    indents_.pop_back();
    alt_indents_.pop_back();
  }
  Token t = make(dedent ? Tok::Dedent : Tok::EndMarker, pos_, line_, col());
  t.at_eof = true;
  return t;
}

// [SECTION] Names, operators and brackets ----------------------------------------------------

Token Lexer::lex_name_or_string() {
  size_t start = pos_;
  for (;;) {
    if (at_end()) break;
    char c = peek();
    if ((c == '"' || c == '\'') && is_string_prefix(src_.substr(start, pos_ - start)))
      return lex_string(start, line_);
    if (static_cast<unsigned char>(c) < 0x80) {
      if (!is_ascii_id_start(c) && !is_digit(c)) break;
      ++pos_;
      continue;
    }
    size_t at = pos_;
    uint32_t cp = decode_utf8(src_, pos_);
    if (!is_id_codepoint(cp)) {
      pos_ = at;
      if (at == start) return lex_identifier_error(cp, start);
      break;
    }
  }
  return make(Tok::Name, start, line_, static_cast<int>(start - line_start_));
}

Token Lexer::lex_identifier_error(uint32_t cp, size_t start) {
  size_t after = start;
  decode_utf8(src_, after);
  char hex[16];
  std::snprintf(hex, sizeof hex, "%04X", static_cast<unsigned>(cp));
  std::string shown(src_.substr(start, after - start));
  return fail_at("invalid character '" + shown + "' (U+" + hex + ")", start, 1);
}

Token Lexer::lex_operator() {
  size_t start = pos_;
  char c = peek();
  if (c == '(' || c == '[' || c == '{' || c == ')' || c == ']' || c == '}') return lex_bracket(c);
  Op best = Op::None;
  size_t best_len = 0;
  for (const auto& row : kOps) {
    size_t len = std::strlen(row.text);
    if (len > best_len && src_.substr(pos_, len) == row.text) {
      best = row.op;
      best_len = len;
    }
  }
  if (best == Op::None) {
    auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7F) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "%04X", u);
      return fail_at(std::string("invalid non-printable character U+") + hex, pos_, 1);
    }
    best = Op::Unknown;
    best_len = 1;
  }
  pos_ += best_len;
  Token t = make(Tok::Op, start, line_, static_cast<int>(start - line_start_));
  t.op = best;
  return t;
}

Token Lexer::lex_bracket(char c) {
  size_t start = pos_;
  int start_col = col();
  Op op = c == '(' ? Op::LPar : c == '[' ? Op::LSqb : c == '{' ? Op::LBrace
        : c == ')' ? Op::RPar : c == ']' ? Op::RSqb : Op::RBrace;
  if (c == '(' || c == '[' || c == '{') {
    if (brackets_.size() >= kMaxLevel) return fail_at("too many nested parentheses", pos_, 1);
    brackets_.push_back({c, line_, start_col});
  } else {
    if (brackets_.empty()) return fail_at(std::string("unmatched '") + c + "'", pos_, 1);
    OpenBracket open = brackets_.back();
    char want = open.ch == '(' ? ')' : open.ch == '[' ? ']' : '}';
    if (c != want) {
      std::string message = std::string("closing parenthesis '") + c +
                            "' does not match opening parenthesis '" + open.ch + "'";
      if (open.line != line_) message += " on line " + std::to_string(open.line);
      return fail_at(message, pos_, 1);
    }
    brackets_.pop_back();
  }
  ++pos_;
  Token t = make(Tok::Op, start, line_, start_col);
  t.op = op;
  return t;
}

// [SECTION] Strings ------------------------------------------------------------------------

// `start` is the first byte of the prefix (or of the quote); the quote follows the prefix.
Token Lexer::lex_string(size_t start, int start_line) {
  size_t start_line_start = line_start_;
  char quote = peek();
  bool triple = peek(1) == quote && peek(2) == quote;
  pos_ += triple ? 3 : 1;
  auto unterminated = [&](int detected_line) {
    std::string message = std::string(triple ? "unterminated triple-quoted string literal"
                                             : "unterminated string literal") +
                          " (detected at line " + std::to_string(detected_line) + ")";
    int offset = utf8_length(src_.substr(start_line_start, start - start_line_start)) + 1;
    return fail(LexErrorKind::Immediate, "SyntaxError", message, start_line, offset, offset);
  };
  for (;;) {
    if (at_end()) {
      bool ends_with_newline = pos_ > 0 && src_[pos_ - 1] == '\n';
      return unterminated(ends_with_newline && line_ > start_line ? line_ - 1 : line_);
    }
    char c = peek();
    if (c == '\n') {
      if (!triple) return unterminated(line_);
      ++pos_;
      new_line();
    } else if (c == '\\') {
      ++pos_;
      if (!at_end()) {
        bool newline = peek() == '\n';
        ++pos_;
        if (newline) new_line();
      }
    } else if (c == quote && (!triple || (peek(1) == quote && peek(2) == quote))) {
      pos_ += triple ? 3 : 1;
      break;
    } else {
      ++pos_;
    }
  }
  return make(Tok::String, start, start_line, static_cast<int>(start - start_line_start));
}

// [SECTION] Numbers ------------------------------------------------------------------------
// Mirrors CPython's tokenizer so that malformed literals get its message and caret.

Token Lexer::lex_number() {
  size_t start = pos_;
  Token out;
  bool ok;
  if (peek() == '0' && std::strchr("xXoObB", peek(1)) && peek(1) != '\0') {
    ok = lex_number_prefixed(out);
  } else if (peek() == '0') {
    ok = lex_leading_zeros(out);
  } else {
    ok = lex_decimal_rest(out);
  }
  if (!ok) return out;
  return make(Tok::Number, start, line_, static_cast<int>(start - line_start_));
}

bool Lexer::verify_end_of_number(const char* kind, Token& out) {
  char c = peek();
  auto ahead = [&](const char* rest) { return src_.substr(pos_ + 1, std::strlen(rest)) == rest; };
  bool keyword_follows = (c == 'a' && ahead("nd")) || (c == 'e' && ahead("lse")) ||
                         (c == 'f' && ahead("or")) || (c == 'o' && ahead("r")) ||
                         (c == 'n' && ahead("ot")) ||
                         (c == 'i' && (peek(1) == 'f' || peek(1) == 'n' || peek(1) == 's'));
  if (!at_end() && !keyword_follows && is_potential_id_char(c)) {
    out = fail_at(std::string("invalid ") + kind + " literal", pos_);
    return false;
  }
  return true;
}

bool Lexer::lex_number_prefixed(Token& out) {
  char base = static_cast<char>(peek(1) | 0x20);
  pos_ += 2;
  const char* kind = base == 'x' ? "hexadecimal" : base == 'o' ? "octal" : "binary";
  auto in_base = [&](char c) {
    return base == 'x' ? is_hex(c) : base == 'o' ? (c >= '0' && c <= '7') : (c == '0' || c == '1');
  };
  do {
    if (peek() == '_') ++pos_;
    if (!in_base(peek())) {
      if (base != 'x' && is_digit(peek())) {
        out = fail_at(std::string("invalid digit '") + peek() + "' in " + kind + " literal",
                      pos_, 1);
      } else {
        out = fail_at(std::string("invalid ") + kind + " literal", pos_);
      }
      return false;
    }
    while (in_base(peek())) ++pos_;
  } while (peek() == '_');
  if (base != 'x' && is_digit(peek())) {
    out = fail_at(std::string("invalid digit '") + peek() + "' in " + kind + " literal", pos_, 1);
    return false;
  }
  return verify_end_of_number(kind, out);
}

// Digits with single underscores between them; the first digit is at pos_.
bool Lexer::decimal_tail(Token& out) {
  for (;;) {
    while (is_digit(peek())) ++pos_;
    if (peek() != '_') return true;
    ++pos_;
    if (!is_digit(peek())) {
      out = fail_at("invalid decimal literal", pos_);
      return false;
    }
  }
}

bool Lexer::lex_leading_zeros(Token& out) {
  size_t start = pos_;
  while (peek() == '0' || (peek() == '_' && is_digit(peek(1)))) ++pos_;
  if (peek() == '_') {
    ++pos_;
    out = fail_at("invalid decimal literal", pos_);
    return false;
  }
  size_t zeros_end = pos_;
  bool nonzero = is_digit(peek());
  if (nonzero && !decimal_tail(out)) return false;
  char c = peek();
  if (c == '.' || c == 'e' || c == 'E' || c == 'j' || c == 'J') {
    pos_ = start;
    return lex_decimal_rest(out);
  }
  if (nonzero) {
    int offset = char_col(start) + 1;
    out = fail(LexErrorKind::Immediate, "SyntaxError",
               "leading zeros in decimal integer literals are not permitted; use an 0o prefix "
               "for octal integers",
               line_, offset, char_col(zeros_end) + 1);
    return false;
  }
  return verify_end_of_number("decimal", out);
}

bool Lexer::lex_decimal_rest(Token& out) {
  if (peek() != '.' && !decimal_tail(out)) return false;
  if (peek() == '.') {
    ++pos_;
    if (is_digit(peek()) && !decimal_tail(out)) return false;
  }
  if (peek() == 'e' || peek() == 'E') {
    char after = peek(1);
    if (after == '+' || after == '-') {
      pos_ += 2;
      if (!is_digit(peek())) {
        out = fail_at("invalid decimal literal", pos_);
        return false;
      }
    } else if (!is_digit(after)) {
      return verify_end_of_number("decimal", out);
    } else {
      ++pos_;
    }
    if (!decimal_tail(out)) return false;
  }
  if (peek() == 'j' || peek() == 'J') {
    ++pos_;
    return verify_end_of_number("imaginary", out);
  }
  return verify_end_of_number("decimal", out);
}

}  // namespace looplab::lang
