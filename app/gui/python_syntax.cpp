#include "app/gui/python_syntax.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace looplab::app {

namespace {

constexpr std::array<std::string_view, 35> kKeywords = {
    "False", "None",     "True",  "and",    "as",   "assert", "async",  "await",    "break",
    "class", "continue", "def",   "del",    "elif", "else",   "except", "finally",  "for",
    "from",  "global",   "if",    "import", "in",   "is",     "lambda", "nonlocal", "not",
    "or",    "pass",     "raise", "return", "try",  "while",  "with",   "yield"};

constexpr std::array<std::string_view, 24> kBuiltins = {
    "print",      "range",        "len",       "str",   "int",        "float",
    "list",       "dict",         "set",       "tuple", "sum",        "min",
    "max",        "sorted",       "enumerate", "zip",   "isinstance", "Exception",
    "ValueError", "RuntimeError", "asyncio",   "time",  "random",     "super"};

bool is_ident_start(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) || c == '_';
}
bool is_ident(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

template <size_t N>
bool contains(const std::array<std::string_view, N>& words, std::string_view w) {
  return std::find(words.begin(), words.end(), w) != words.end();
}

struct Tokenizer {
  std::string_view line;
  std::string_view open_triple;  // the quote of a triple string still open, or empty
  std::vector<Span> spans;
  bool after_def = false;

  void add(int b, int e, TokenKind k) {
    if (e > b) spans.push_back({b, e, k});
  }

  // Scans a string body from `i`; returns the index after it (or the line end if open).
  int string_end(int i, std::string_view quote) {
    const int n = static_cast<int>(line.size());
    while (i < n) {
      if (line[i] == '\\') {
        i += 2;
        continue;
      }
      if (line.substr(i, quote.size()) == quote) {
        open_triple = {};
        return i + static_cast<int>(quote.size());
      }
      ++i;
    }
    if (quote.size() == 1) open_triple = {};  // an unterminated one-line string ends here
    return n;
  }

  int scan_string(int i) {
    int p = i;
    while (p < static_cast<int>(line.size()) && std::isalpha(static_cast<unsigned char>(line[p])))
      ++p;
    const char q = line[p];
    const bool triple = line.substr(p, 3) == (q == '"' ? "\"\"\"" : "'''");
    const std::string_view quote = triple ? (q == '"' ? "\"\"\"" : "'''") : (q == '"' ? "\"" : "'");
    if (triple) open_triple = quote;
    const int end = string_end(p + static_cast<int>(quote.size()), quote);
    add(i, end, TokenKind::String);
    return end;
  }

  int scan_word(int i) {
    int e = i;
    while (e < static_cast<int>(line.size()) && is_ident(line[e])) ++e;
    if (e < static_cast<int>(line.size()) && (line[e] == '"' || line[e] == '\'') && e - i <= 2)
      return scan_string(i);
    const std::string_view word = line.substr(i, e - i);
    if (after_def)
      add(i, e, TokenKind::Definition);
    else if (contains(kKeywords, word))
      add(i, e, TokenKind::Keyword);
    else if (contains(kBuiltins, word))
      add(i, e, TokenKind::Builtin);
    after_def = word == "def" || word == "class";
    return e;
  }

  void run() {
    const int n = static_cast<int>(line.size());
    int i = 0;
    if (!open_triple.empty()) {
      i = string_end(0, open_triple);
      add(0, i, TokenKind::String);
    }
    while (i < n) {
      const char c = line[i];
      if (c == '#') {
        add(i, n, TokenKind::Comment);
        return;
      }
      if (c == '"' || c == '\'') {
        i = scan_string(i);
        continue;
      }
      if (c == '@' && line.find_first_not_of(" \t") == static_cast<size_t>(i)) {
        int e = i + 1;
        while (e < n && (is_ident(line[e]) || line[e] == '.')) ++e;
        add(i, e, TokenKind::Decorator);
        i = e;
        continue;
      }
      if (is_ident_start(c)) {
        i = scan_word(i);
        continue;
      }
      if (std::isdigit(static_cast<unsigned char>(c))) {
        int e = i;
        while (e < n && (is_ident(line[e]) || line[e] == '.')) ++e;
        add(i, e, TokenKind::Number);
        i = e;
        continue;
      }
      ++i;
    }
  }
};

}  // namespace

std::vector<SourceLine> highlight_python(std::string_view source) {
  std::vector<SourceLine> lines;
  Tokenizer tok;
  size_t start = 0;
  while (start <= source.size()) {
    size_t end = source.find('\n', start);
    if (end == std::string_view::npos) end = source.size();
    tok.line = source.substr(start, end - start);
    if (!tok.line.empty() && tok.line.back() == '\r') tok.line.remove_suffix(1);
    tok.spans.clear();
    tok.after_def = false;
    tok.run();
    lines.push_back({tok.line, tok.spans});
    if (end == source.size()) break;
    start = end + 1;
  }
  return lines;
}

}  // namespace looplab::app
