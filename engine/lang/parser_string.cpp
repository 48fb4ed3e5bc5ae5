// String literals: prefixes, escape sequences, implicit concatenation and f-strings
// (CPython 3.11's rules from Parser/string_parser.c: the replacement fields'
// expressions are parsed by a sub-parser over the same source, so positions are exact).

#include <cstdio>

#include "engine/lang/parser_impl.hpp"
#include "engine/lang/support/utf8.hpp"

namespace looplab::lang::detail {

using namespace ast;

namespace {

// [SECTION] Escapes ----------------------------------------------------------------------

struct Literal {
  bool raw = false;
  bool bytes = false;
  bool formatted = false;
  std::string_view body;  // between the quotes
};

Literal split_literal(std::string_view token) {
  Literal lit;
  size_t i = 0;
  for (; token[i] != '\'' && token[i] != '"'; ++i) {
    char c = static_cast<char>(token[i] | 0x20);
    lit.raw |= c == 'r';
    lit.bytes |= c == 'b';
    lit.formatted |= c == 'f';
  }
  size_t quote_len = token.substr(i, 3) == "'''" || token.substr(i, 3) == "\"\"\"" ? 3 : 1;
  lit.body = token.substr(i + quote_len, token.size() - i - 2 * quote_len);
  return lit;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  c = static_cast<char>(c | 0x20);
  return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

struct EscapeResult {
  std::string error;        // CPython's "(unicode error) ..." message, if any
  bool named_escape = false;  // \N{...}, which LoopLab does not support
};

// Decodes one escape; `i` is at the character after the backslash.
void decode_one_escape(std::string_view s, size_t& i, size_t backslash, std::string& out,
                       EscapeResult& r) {
  char c = s[i++];
  switch (c) {
    case '\n': return;
    case '\\': out.push_back('\\'); return;
    case '\'': out.push_back('\''); return;
    case '"': out.push_back('"'); return;
    case 'a': out.push_back('\a'); return;
    case 'b': out.push_back('\b'); return;
    case 'f': out.push_back('\f'); return;
    case 'n': out.push_back('\n'); return;
    case 'r': out.push_back('\r'); return;
    case 't': out.push_back('\t'); return;
    case 'v': out.push_back('\v'); return;
    case 'N': r.named_escape = true; return;
    default: break;
  }
  if (c >= '0' && c <= '7') {
    uint32_t value = static_cast<uint32_t>(c - '0');
    for (int k = 0; k < 2 && i < s.size() && s[i] >= '0' && s[i] <= '7'; ++k)
      value = value * 8 + static_cast<uint32_t>(s[i++] - '0');
    support::utf8::append(out, value);
    return;
  }
  int digits = c == 'x' ? 2 : c == 'u' ? 4 : c == 'U' ? 8 : 0;
  if (digits == 0) {
    out.push_back('\\');
    out.push_back(c);
    return;
  }
  uint32_t value = 0;
  int got = 0;
  while (got < digits && i < s.size() && hex_value(s[i]) >= 0) {
    value = value * 16 + static_cast<uint32_t>(hex_value(s[i++]));
    ++got;
  }
  std::string range = "position " + std::to_string(backslash) + "-" + std::to_string(i - 1);
  if (got < digits) {
    const char* what = c == 'x' ? "\\xXX" : c == 'u' ? "\\uXXXX" : "\\UXXXXXXXX";
    r.error = "(unicode error) 'unicodeescape' codec can't decode bytes in " + range +
              ": truncated " + what + " escape";
  } else if (value > 0x10FFFF) {
    r.error = "(unicode error) 'unicodeescape' codec can't decode bytes in " + range +
              ": illegal Unicode character";
  } else {
    support::utf8::append(out, value);
  }
}

EscapeResult decode_escapes(std::string_view s, std::string& out) {
  EscapeResult r;
  for (size_t i = 0; i < s.size() && r.error.empty();) {
    if (s[i] != '\\' || i + 1 >= s.size()) {
      out.push_back(s[i++]);
      continue;
    }
    size_t backslash = i++;
    decode_one_escape(s, i, backslash, out, r);
  }
  return r;
}

}  // namespace

// [SECTION] f-strings ------------------------------------------------------------------------

class FStringParser {
 public:
  FStringParser(Parser& p, const Token& token, const Literal& lit, const Span& span)
      : p_(p), token_(token), raw_(lit.raw), span_(span) {
    src_ = p.st_.source;
    begin_ = static_cast<size_t>(lit.body.data() - src_.data());
    end_ = begin_ + lit.body.size();
  }

  void parse(ExprList& values) {
    size_t pos = begin_;
    parse_body(pos, 0, values);
  }

 private:
  // Inside another f-string's field the sub-parser adds the "f-string: " prefix itself.
  [[noreturn]] void fail(const std::string& message) {
    std::string_view prefix = "f-string: ";
    bool strip = p_.in_fstring_ && std::string_view(message).substr(0, prefix.size()) == prefix;
    p_.fail_at_token(p_.peek(), strip ? message.substr(prefix.size()) : message);
  }

  void add_literal(ExprList& values, std::string_view text) {
    if (text.empty()) return;
    std::string decoded;
    if (raw_) {
      decoded = std::string(text);
    } else {
      EscapeResult r = decode_escapes(text, decoded);
      if (!r.error.empty()) fail(r.error);
      if (r.named_escape) p_.unsupported("\\N{...} escapes", span_);
    }
    if (!values.empty() && values.back()->kind == ExprKind::Constant) {
      values.back()->as<Constant>().text += decoded;
      return;
    }
    auto* c = p_.make<Constant>(span_);
    c->value_kind = ConstantKind::Str;
    c->text = std::move(decoded);
    values.push_back(c);
  }

  // Literal text and fields up to the end of the body (level 0) or up to the '}' that
  // closes a format spec (level 1 and deeper).
  void parse_body(size_t& pos, int level, ExprList& values) {
    while (pos < end_) {
      std::string literal;
      size_t start = pos;
      while (pos < end_) {
        char ch = src_[pos];
        if (ch == '\\' && !raw_ && pos + 1 < end_) {
          // The braces of a \N{NAME} escape are part of the escape, not a field.
          bool named = src_[pos + 1] == 'N' && pos + 2 < end_ && src_[pos + 2] == '{';
          size_t close = named ? src_.find('}', pos + 3) : std::string_view::npos;
          pos = close != std::string_view::npos && close < end_ ? close + 1 : pos + 2;
          continue;
        }
        if (ch != '{' && ch != '}') {
          ++pos;
          continue;
        }
        if (level == 0 && pos + 1 < end_ && src_[pos + 1] == ch) {
          literal.append(src_.substr(start, pos + 1 - start));
          pos += 2;
          start = pos;
          continue;
        }
        if (level == 0 && ch == '}') fail("f-string: single '}' is not allowed");
        break;
      }
      literal.append(src_.substr(start, pos - start));
      add_literal(values, literal);
      if (pos >= end_ || src_[pos] == '}') return;
      parse_field(pos, level, values);
    }
  }

  size_t find_expression_end(size_t pos) {
    char quote = 0;
    bool triple = false;
    std::vector<char> brackets;
    for (; pos < end_; ++pos) {
      char ch = src_[pos];
      if (ch == '\\') fail("f-string expression part cannot include a backslash");
      if (quote) {
        if (ch == quote && (!triple || src_.substr(pos, 3) == std::string(3, quote))) {
          pos += triple ? 2 : 0;
          quote = 0;
        }
        continue;
      }
      if (ch == '\'' || ch == '"') {
        quote = ch;
        triple = src_.substr(pos, 3) == std::string(3, ch);
        pos += triple ? 2 : 0;
      } else if (ch == '[' || ch == '{' || ch == '(') {
        brackets.push_back(ch);
      } else if (ch == '#') {
        fail("f-string expression part cannot include '#'");
      } else if (brackets.empty() && (ch == '!' || ch == ':' || ch == '}' || ch == '=' ||
                                      ch == '>' || ch == '<')) {
        char next = pos + 1 < end_ ? src_[pos + 1] : '\0';
        if (next == '=' && ch != ':' && ch != '}') {
          ++pos;
          continue;
        }
        if (ch == '>' || ch == '<') continue;
        return pos;
      } else if (ch == ']' || ch == '}' || ch == ')') {
        if (brackets.empty()) fail(std::string("f-string: unmatched '") + ch + "'");
        char open = brackets.back();
        brackets.pop_back();
        if ((open == '(') != (ch == ')') || (open == '[') != (ch == ']')) {
          fail(std::string("f-string: closing parenthesis '") + ch +
               "' does not match opening parenthesis '" + open + "'");
        }
      }
    }
    if (quote) fail("f-string: unterminated string");
    if (!brackets.empty()) fail(std::string("f-string: unmatched '") + brackets.back() + "'");
    return pos;
  }

  Expr* compile_expression(size_t begin, size_t end) {
    std::string_view text = src_.substr(begin, end - begin);
    if (text.find_first_not_of(" \t\n\r\f\v") == std::string_view::npos) {
      fail("f-string: empty expression not allowed");
    }
    int line = token_.line;
    size_t line_start = static_cast<size_t>(token_.text.data() - src_.data()) -
                        static_cast<size_t>(token_.col);
    for (size_t i = line_start + static_cast<size_t>(token_.col); i < begin; ++i) {
      if (src_[i] == '\n') {
        ++line;
        line_start = i + 1;
      }
    }
    Lexer lexer(src_, p_.st_.filename, begin, end, line, line_start);
    Parser sub(p_.st_, lexer, true);
    sub.set_fstring_origin(line, static_cast<int>(begin - line_start), std::string(text));
    return sub.parse_fstring_field();
  }

  void parse_field(size_t& pos, int level, ExprList& values) {
    if (level >= 2) fail("f-string: expressions nested too deeply");
    size_t expr_begin = ++pos;
    pos = find_expression_end(pos);
    if (pos >= end_) fail("f-string: expecting '}'");
    auto* field = p_.make<FormattedValue>(span_);
    field->value = compile_expression(expr_begin, pos);
    bool self_documenting = src_[pos] == '=';
    if (self_documenting) {
      ++pos;
      while (pos < end_ && std::isspace(static_cast<unsigned char>(src_[pos]))) ++pos;
      add_literal_raw(values, src_.substr(expr_begin, pos - expr_begin));
    }
    if (pos < end_ && src_[pos] == '!') {
      if (++pos >= end_) fail("f-string: expecting '}'");
      char conversion = src_[pos++];
      if (conversion != 's' && conversion != 'r' && conversion != 'a') {
        fail("f-string: invalid conversion character: expected 's', 'r', or 'a'");
      }
      field->conversion = conversion;
    }
    if (pos < end_ && src_[pos] == ':') {
      ++pos;
      auto* spec = p_.make<JoinedStr>(span_);
      parse_body(pos, level + 1, spec->values);
      field->format_spec = spec;
    }
    if (pos >= end_ || src_[pos] != '}') fail("f-string: expecting '}'");
    ++pos;
    if (self_documenting && !field->format_spec && field->conversion == -1) {
      field->conversion = 'r';
    }
    values.push_back(field);
  }

  // The `x=` text of a self-documenting field is copied verbatim, escapes and all.
  void add_literal_raw(ExprList& values, std::string_view text) {
    bool saved = raw_;
    raw_ = true;
    add_literal(values, text);
    raw_ = saved;
  }

  Parser& p_;
  const Token& token_;
  bool raw_;
  Span span_;
  std::string_view src_;
  size_t begin_ = 0;
  size_t end_ = 0;
};

// [SECTION] Concatenated literals --------------------------------------------------------------

Expr* Parser::strings() {
  Token first = peek();
  std::vector<Token> tokens;
  while (peek().kind == Tok::String) tokens.push_back(advance());
  Span span = span_from(first);
  bool any_bytes = false;
  bool any_text = false;
  bool any_formatted = false;
  for (const Token& t : tokens) {
    Literal lit = split_literal(t.text);
    (lit.bytes ? any_bytes : any_text) = true;
    any_formatted |= lit.formatted;
  }
  if (any_bytes && any_text) fail_at_token(peek(), "cannot mix bytes and nonbytes literals");
  if (any_bytes) unsupported("bytes literals", span);
  ExprList values;
  for (const Token& t : tokens) {
    Literal lit = split_literal(t.text);
    if (lit.formatted) {
      FStringParser(*this, t, lit, span).parse(values);
      continue;
    }
    std::string decoded;
    if (lit.raw) {
      decoded = std::string(lit.body);
    } else {
      EscapeResult r = decode_escapes(lit.body, decoded);
      if (!r.error.empty()) fail_at_token(peek(), r.error);
      if (r.named_escape) unsupported("\\N{...} escapes", span);
    }
    if (!values.empty() && values.back()->kind == ExprKind::Constant) {
      values.back()->as<Constant>().text += decoded;
      continue;
    }
    auto* c = make<Constant>(span);
    c->value_kind = ConstantKind::Str;
    c->text = std::move(decoded);
    values.push_back(c);
  }
  if (!any_formatted) {
    if (values.empty()) {
      auto* c = make<Constant>(span);
      c->value_kind = ConstantKind::Str;
      return c;
    }
    return values[0];
  }
  auto* joined = make<JoinedStr>(span);
  joined->values = std::move(values);
  return joined;
}

}  // namespace looplab::lang::detail
