#include "engine/lang/parser.hpp"

#include <algorithm>

#include "engine/lang/check.hpp"
#include "engine/lang/parser_impl.hpp"

namespace looplab::lang {
namespace detail {

// [SECTION] Token access ---------------------------------------------------------------

Parser::Parser(ParseState& state, Lexer& lexer, bool in_fstring)
    : st_(state), lexer_(lexer), in_fstring_(in_fstring) {}

const Token& Parser::peek(size_t ahead) {
  while (tokens_.size() <= pos_ + ahead) {
    Token t = lexer_.next();
    if (t.kind == Tok::Error) {
      st_.error = lexer_.error()->info;
      relocate_to_fstring(*st_.error, true);
      st_.error_from_lexer = true;
      throw ParseFailure{};
    }
    tokens_.push_back(t);
  }
  return tokens_[pos_ + ahead];
}

Token Parser::advance() {
  last_ = peek();
  ++pos_;
  if (last_.kind != Tok::Newline && last_.kind != Tok::Indent && last_.kind != Tok::Dedent) {
    last_significant_ = last_;
  }
  return last_;
}

bool Parser::at_op(Op op, size_t ahead) {
  const Token& t = peek(ahead);
  return t.kind == Tok::Op && t.op == op;
}

bool Parser::at_kw(std::string_view kw, size_t ahead) {
  const Token& t = peek(ahead);
  return t.kind == Tok::Name && t.text == kw;
}

bool Parser::at_name(size_t ahead) {
  const Token& t = peek(ahead);
  return t.kind == Tok::Name && !is_keyword(t.text);
}

bool Parser::accept_op(Op op) {
  if (!at_op(op)) return false;
  advance();
  return true;
}

bool Parser::accept_kw(std::string_view kw) {
  if (!at_kw(kw)) return false;
  advance();
  return true;
}

Token Parser::expect_op(Op op) {
  if (!at_op(op)) fail_invalid_syntax();
  return advance();
}

void Parser::expect_kw(std::string_view kw) {
  if (!at_kw(kw)) fail_invalid_syntax();
  advance();
}

std::string Parser::expect_name() {
  if (!at_name()) fail_invalid_syntax();
  return std::string(advance().text);
}

// A block opener's colon: CPython says "expected ':'" when the line simply ends there.
void Parser::expect_colon() {
  if (accept_op(Op::Colon)) return;
  if (peek().kind == Tok::Newline) fail_at_token(peek(), "expected ':'");
  fail_invalid_syntax();
}

// CPython's forced tokens (`&&':'` in its grammar) fail at once with "expected ...".
void Parser::expect_forced(Op op) {
  if (!accept_op(op)) fail_at_token(peek(), std::string("expected '") + op_text(op) + "'");
}

// [SECTION] Spans ----------------------------------------------------------------------

ast::Span Parser::span_from(const Token& first) const {
  return {first.line, first.col, last_significant_.end_line, last_significant_.end_col};
}

ast::Span Parser::span_from(const ast::Node& first) const {
  return {first.span.line, first.span.col, last_significant_.end_line,
          last_significant_.end_col};
}

ast::Span Parser::join(const ast::Span& a, const ast::Span& b) {
  return {a.line, a.col, b.end_line, b.end_col};
}

int Parser::span_end_offset(const ast::Span& s) const {
  if (s.end_line == s.line) return column_offset(s.end_col);
  return static_cast<int>(source_line(st_.source, s.line).size()) + 1;
}

void Parser::set_fstring_origin(int line, int byte_col, std::string expression) {
  fstring_line_ = line;
  fstring_col_ = byte_col;
  fstring_text_ = "(" + std::move(expression) + ")";
}

void Parser::relocate_to_fstring(SyntaxErrorInfo& e, bool char_columns) const {
  if (!in_fstring_ || e.line != fstring_line_) return;
  std::string_view line = source_line(st_.source, fstring_line_);
  int origin = char_columns
                   ? utf8_length(line.substr(0, static_cast<size_t>(fstring_col_))) + 1
                   : fstring_col_ + 1;
  e.col = e.col - origin + 2;
  if (e.end_col > 0) e.end_col = e.end_col - origin + 2;
  e.source_line = fstring_text_;
}

Parser::Nesting::Nesting(Parser& p, int amount) : p_(p), amount_(0) { add(amount); }

Parser::Nesting::~Nesting() { p_.nesting_ -= amount_; }

void Parser::Nesting::add(int amount) {
  amount_ += amount;
  p_.nesting_ += amount;
  if (p_.nesting_ > kMaxNesting) {
    SyntaxErrorInfo e;
    e.type = "RecursionError";
    e.message = "maximum recursion depth exceeded during compilation";
    e.filename = p_.st_.filename;
    p_.st_.error = e;
    throw ParseFailure{};
  }
}

// [SECTION] Errors ------------------------------------------------------------------------

void Parser::fail_raw(int line, int offset, int end_offset, const std::string& message,
                      const char* type) {
  SyntaxErrorInfo e;
  e.type = type;
  e.message = in_fstring_ && std::string_view(type) == "SyntaxError" ? "f-string: " + message
                                                                      : message;
  e.filename = st_.filename;
  e.line = line;
  e.col = offset;
  e.end_col = end_offset;
  e.source_line = std::string(source_line(st_.source, line));
  relocate_to_fstring(e, false);
  st_.error = std::move(e);
  throw ParseFailure{};
}

// At the end of the file CPython points at the last line, without a caret.
void Parser::fail_at_token(const Token& t, const std::string& message, const char* type) {
  if (t.at_eof) {
    std::string_view src = st_.source;
    int lines = static_cast<int>(std::count(src.begin(), src.end(), '\n'));
    if (src.empty() || src.back() != '\n') ++lines;
    fail_raw(std::max(lines, 1), 0, 0, message, type);
  }
  fail_span({t.line, t.col, t.end_line, t.end_col}, message, type);
}

void Parser::fail_span(const ast::Span& s, const std::string& message, const char* type) {
  fail_raw(s.line, column_offset(s.col), span_end_offset(s), message, type);
}

void Parser::fail_invalid_syntax() {
  const Token& t = peek();
  if (t.kind == Tok::Indent || (t.kind == Tok::Dedent && !t.at_eof)) {
    st_.skip_rescan = true;
    bool indent = t.kind == Tok::Indent;
    fail_raw(t.line, indent ? t.end_col : t.col, 0,
             indent ? "unexpected indent" : "unexpected unindent", "IndentationError");
  }
  fail_at_token(t, "invalid syntax");
}

void Parser::unsupported(const std::string& what, const ast::Span& where) {
  if (st_.unsupported) return;
  SyntaxErrorInfo e;
  e.type = "NotImplementedError";
  e.message = "LoopLab does not support " + what + " (line " + std::to_string(where.line) + ")";
  e.filename = st_.filename;
  e.line = where.line;
  e.col = column_offset(where.col);
  e.end_col = span_end_offset(where);
  e.source_line = std::string(source_line(st_.source, where.line));
  st_.unsupported = std::move(e);
}

// [SECTION] Entry points --------------------------------------------------------------------

void Parser::parse_file() {
  while (peek().kind != Tok::EndMarker) statement(st_.module->body);
}

ast::Expr* Parser::parse_fstring_field() {
  ast::Expr* e = at_kw("yield") ? yield_expr() : star_expressions();
  if (peek().kind != Tok::EndMarker) check_invalid_syntax_after(e);
  return e;
}

namespace {

// CPython tokenizes the rest of the file after a parser error: a tokenizer error found
// there, or a bracket left open on an earlier line, replaces the parser's message.
// A bracket still open at the end replaces the error when the parser had read past the
// bracket's line (CPython compares with its last token), or when the parser failed on
// the bracket itself (CPython's second pass then reads on into it).
void scan_rest_for_tokenizer_errors(Lexer& lexer, ParseState& st, int furthest_line) {
  for (;;) {
    Token t = lexer.next();
    if (t.kind == Tok::EndMarker) return;
    if (t.kind != Tok::Error) continue;
    const LexError& e = *lexer.error();
    bool failed_on_bracket = e.info.line == st.error->line && e.info.col == st.error->col;
    if (e.kind == LexErrorKind::Immediate ||
        (e.kind == LexErrorKind::EofInBrackets &&
         (furthest_line > e.info.line || failed_on_bracket))) {
      st.error = e.info;
    }
    return;
  }
}

std::string normalize_newlines(std::string_view source) {
  std::string out;
  out.reserve(source.size());
  for (size_t i = 0; i < source.size(); ++i) {
    if (source[i] == '\r') {
      out.push_back('\n');
      if (i + 1 < source.size() && source[i + 1] == '\n') ++i;
    } else {
      out.push_back(source[i]);
    }
  }
  return out;
}

}  // namespace
}  // namespace detail

namespace {

ParseResult parse_impl(std::string_view raw_source, std::string filename, bool run_checks) {
  ParseResult result;
  result.module = std::make_unique<ast::Module>();
  result.module->filename = filename;
  std::string source = detail::normalize_newlines(raw_source);
  detail::ParseState st;
  st.source = source;
  st.filename = filename;
  st.module = result.module.get();
  Lexer lexer(source, filename);
  detail::Parser parser(st, lexer);
  try {
    parser.parse_file();
  } catch (const detail::ParseFailure&) {
    if (!st.error_from_lexer && !st.skip_rescan && st.error->type != "RecursionError") {
      detail::scan_rest_for_tokenizer_errors(lexer, st, parser.furthest_line());
    }
  }
  if (!st.error && run_checks) st.error = check_module(*result.module, source);
  if (!st.error && st.unsupported) st.error = st.unsupported;
  if (st.error) {
    result.error = std::move(st.error);
    result.module.reset();
  }
  return result;
}

}  // namespace

ParseResult parse_module(std::string_view source, std::string filename) {
  return parse_impl(source, std::move(filename), true);
}

ParseResult parse_module_syntax(std::string_view source, std::string filename) {
  return parse_impl(source, std::move(filename), false);
}

}  // namespace looplab::lang
