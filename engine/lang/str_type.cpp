// The methods of str, and str.format.
#include <algorithm>

#include "engine/lang/builtins.hpp"
#include "engine/lang/ops.hpp"
#include "engine/lang/support/unicode_printable.hpp"
#include "engine/lang/support/utf8.hpp"
#include "engine/lang/vm.hpp"

namespace looplab::lang {

Str::Str(std::string text, size_t code_points, bool is_ascii)
    : Obj(vm().t.str), s(std::move(text)), ncp(code_points), ascii(is_ascii) {}

namespace {

namespace utf8 = support::utf8;

const std::string& self_s(const Args& a) { return a[0].as<Str>()->s; }

const std::string& arg_s(const Args& a, size_t i, const char* fname) {
  if (i >= a.n || !is_str(a[i])) {
    type_error(std::string(fname) + "() argument must be str, not " + (i < a.n ? type_name(a[i]) : "None"));
  }
  return a[i].as<Str>()->s;
}

bool self_ascii(const Args& a) { return a[0].as<Str>()->ascii; }

// A str made of pieces of an ASCII str is ASCII: its length needs no scan.
Value ascii_str(std::string text) {
  size_t n = text.size();
  return Value(new Str(std::move(text), n, true));
}

// A piece of self (a slice, a case mapping of ASCII text).
Value piece_of(const Args& a, std::string text) {
  return self_ascii(a) ? ascii_str(std::move(text)) : make_str(std::move(text));
}

template <class F>
Value map_ascii(const Args& a, F f) {
  std::string out = self_s(a);
  for (char& c : out) c = f(c);
  return ascii_str(std::move(out));
}

char ascii_upper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c; }
char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::vector<char32_t> decode_all(const std::string& s) {
  std::vector<char32_t> out;
  size_t pos = 0;
  while (pos < s.size()) out.push_back(utf8::decode(s, pos));
  return out;
}

template <class F>
std::string map_chars(const std::string& s, F f) {
  std::string out;
  size_t pos = 0;
  while (pos < s.size()) {
    char32_t c = utf8::decode(s, pos);
    utf8::append(out, f(c));
  }
  return out;
}

// Case mapping for ASCII, Latin-1 and Latin Extended-A (the letters teaching texts use).
char32_t upper(char32_t c) {
  if (c >= 'a' && c <= 'z') return c - 32;
  if (c >= 0xE0 && c <= 0xFE && c != 0xF7) return c - 32;
  if (c >= 0x100 && c <= 0x17F && (c & 1) && c != 0x131 && c != 0x149 && c != 0x17F) return c - 1;
  return c;
}
char32_t lower(char32_t c) {
  if (c >= 'A' && c <= 'Z') return c + 32;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;
  if (c >= 0x100 && c <= 0x17F && !(c & 1) && c != 0x130 && c != 0x138) return c + 1;
  return c;
}
bool is_alpha(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0xC0; }
bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }

Value s_upper(Args& a) {
  if (self_ascii(a)) return map_ascii(a, ascii_upper);
  return make_str(map_chars(self_s(a), upper));
}
Value s_lower(Args& a) {
  if (self_ascii(a)) return map_ascii(a, ascii_lower);
  return make_str(map_chars(self_s(a), lower));
}
Value s_swapcase(Args& a) {
  return make_str(map_chars(self_s(a), [](char32_t c) { return upper(c) != c ? upper(c) : lower(c); }));
}

Value s_capitalize(Args& a) {
  if (self_ascii(a)) {
    bool first = true;
    return map_ascii(a, [&first](char c) {
      char r = first ? ascii_upper(c) : ascii_lower(c);
      first = false;
      return r;
    });
  }
  std::string out;
  bool first = true;
  size_t pos = 0;
  const std::string& s = self_s(a);
  while (pos < s.size()) {
    char32_t c = utf8::decode(s, pos);
    utf8::append(out, first ? upper(c) : lower(c));
    first = false;
  }
  return make_str(std::move(out));
}

Value s_title(Args& a) {
  std::string out;
  bool prev_cased = false;
  size_t pos = 0;
  const std::string& s = self_s(a);
  while (pos < s.size()) {
    char32_t c = utf8::decode(s, pos);
    utf8::append(out, prev_cased ? lower(c) : upper(c));
    prev_cased = is_alpha(c);
  }
  return make_str(std::move(out));
}

std::string strip_impl(const std::string& s, const Args& a, bool left, bool right) {
  size_t b = 0, e = s.size();
  if (a.n > 1 && !a[1].is_none()) {
    const std::string& chars = arg_s(a, 1, "strip");
    auto set = decode_all(chars);
    auto cps = decode_all(s);
    size_t lo = 0, hi = cps.size();
    auto in = [&](char32_t c) { return std::find(set.begin(), set.end(), c) != set.end(); };
    while (left && lo < hi && in(cps[lo])) ++lo;
    while (right && hi > lo && in(cps[hi - 1])) --hi;
    std::string out;
    for (size_t i = lo; i < hi; ++i) utf8::append(out, cps[i]);
    return out;
  }
  while (left && b < e && is_space(s[b])) ++b;
  while (right && e > b && is_space(s[e - 1])) --e;
  return s.substr(b, e - b);
}

Value s_strip(Args& a) { return piece_of(a, strip_impl(self_s(a), a, true, true)); }
Value s_lstrip(Args& a) { return piece_of(a, strip_impl(self_s(a), a, true, false)); }
Value s_rstrip(Args& a) { return piece_of(a, strip_impl(self_s(a), a, false, true)); }

// str.split()/rsplit() without a separator: once maxsplit words are taken, the rest of
// the string (minus the whitespace next to the last cut) is one more item, untrimmed at
// its far end, as CPython's split_whitespace does.
std::vector<std::string> split_whitespace(const std::string& s, int64_t maxsplit, bool from_right) {
  std::vector<std::string> parts;
  int64_t count = 0;
  if (!from_right) {
    size_t i = 0;
    for (;;) {
      while (i < s.size() && is_space(s[i])) ++i;
      if (i >= s.size()) break;
      if (maxsplit >= 0 && count >= maxsplit) {
        parts.push_back(s.substr(i));
        break;
      }
      size_t j = i;
      while (j < s.size() && !is_space(s[j])) ++j;
      parts.push_back(s.substr(i, j - i));
      i = j;
      ++count;
    }
    return parts;
  }
  size_t e = s.size();
  for (;;) {
    while (e > 0 && is_space(s[e - 1])) --e;
    if (e == 0) break;
    if (maxsplit >= 0 && count >= maxsplit) {
      parts.push_back(s.substr(0, e));
      break;
    }
    size_t b = e;
    while (b > 0 && !is_space(s[b - 1])) --b;
    parts.push_back(s.substr(b, e - b));
    e = b;
    ++count;
  }
  std::reverse(parts.begin(), parts.end());
  return parts;
}

Value split_impl(const Args& a, bool from_right) {
  const std::string& s = self_s(a);
  Value sepv = a.n > 1 ? a[1] : a.kwarg("sep");
  Value maxv = a.n > 2 ? a[2] : a.kwarg("maxsplit");
  int64_t maxsplit = maxv.is_null() ? -1 : to_index(maxv);
  std::vector<Value> out;
  if (sepv.is_null() || sepv.is_none()) {
    for (auto& w : split_whitespace(s, maxsplit, from_right)) out.push_back(piece_of(a, std::move(w)));
    return make_list(std::move(out));
  }
  const std::string& sep = arg_s(a, 1, "split");
  if (sep.empty()) value_error("empty separator");
  std::vector<std::string> parts;
  if (!from_right) {
    size_t start = 0;
    int64_t n = 0;
    for (;;) {
      size_t at = s.find(sep, start);
      if (at == std::string::npos || (maxsplit >= 0 && n >= maxsplit)) break;
      parts.push_back(s.substr(start, at - start));
      start = at + sep.size();
      ++n;
    }
    parts.push_back(s.substr(start));
  } else {
    size_t end = s.size();
    int64_t n = 0;
    for (;;) {
      if (end < sep.size()) break;
      size_t at = s.rfind(sep, end - sep.size());
      if (at == std::string::npos || (maxsplit >= 0 && n >= maxsplit)) break;
      parts.push_back(s.substr(at + sep.size(), end - at - sep.size()));
      end = at;
      ++n;
    }
    parts.push_back(s.substr(0, end));
    std::reverse(parts.begin(), parts.end());
  }
  out.reserve(parts.size());
  for (auto& p : parts) out.push_back(piece_of(a, std::move(p)));
  return make_list(std::move(out));
}

Value s_split(Args& a) { return split_impl(a, false); }
Value s_rsplit(Args& a) { return split_impl(a, true); }

Value s_splitlines(Args& a) {
  const std::string& s = self_s(a);
  bool keep = a.n > 1 ? truthy(a[1]) : !a.kwarg("keepends").is_null() && truthy(a.kwarg("keepends"));
  std::vector<Value> out;
  size_t i = 0;
  while (i < s.size()) {
    size_t j = i;
    while (j < s.size() && s[j] != '\n' && s[j] != '\r') ++j;
    size_t eol = j;
    if (j < s.size()) j += (s[j] == '\r' && j + 1 < s.size() && s[j + 1] == '\n') ? 2 : 1;
    out.push_back(make_str(s.substr(i, (keep ? j : eol) - i)));
    i = j;
  }
  return make_list(std::move(out));
}

// Sizes the result first, so the text is copied once, and sums the lengths, so the new
// str needs no scan.
Value join_items(const Str* sep, const Value* items, size_t n) {
  size_t bytes = n ? sep->s.size() * (n - 1) : 0;
  size_t ncp = n ? sep->ncp * (n - 1) : 0;
  bool ascii = sep->ascii;
  for (size_t i = 0; i < n; ++i) {
    Str* s = as_str(items[i]);
    if (!s) {
      type_error("sequence item " + std::to_string(i) + ": expected str instance, " + type_name(items[i]) + " found");
    }
    bytes += s->s.size();
    ncp += s->ncp;
    ascii = ascii && s->ascii;
  }
  std::string out;
  out.reserve(bytes);
  for (size_t i = 0; i < n; ++i) {
    if (i) out += sep->s;
    out += items[i].as<Str>()->s;
  }
  return Value(new Str(std::move(out), ncp, ascii));
}

Value s_join(Args& a) {
  check_args(a, "join", 2, 2);
  const Str* sep = a[0].as<Str>();
  const CoreTypes& t = vm().t;
  if (auto* l = a[1].if_type<List>(t.list)) return join_items(sep, l->items.data(), l->items.size());
  if (auto* tu = a[1].if_type<Tuple>(t.tuple)) return join_items(sep, tu->items.data(), tu->items.size());
  std::vector<Value> items = to_vector(a[1]);
  return join_items(sep, items.data(), items.size());
}

Value s_replace(Args& a) {
  check_args(a, "replace", 3, 4);
  const std::string& s = self_s(a);
  const std::string& old = arg_s(a, 1, "replace");
  const std::string& rep = arg_s(a, 2, "replace");
  int64_t count = a.n > 3 ? to_index(a[3]) : -1;
  std::string out;
  if (old.empty()) {
    auto cps = decode_all(s);
    int64_t n = 0;
    for (size_t i = 0; i <= cps.size(); ++i) {
      if (count < 0 || n < count) {
        out += rep;
        ++n;
      }
      if (i < cps.size()) utf8::append(out, cps[i]);
    }
    return make_str(std::move(out));
  }
  size_t start = 0;
  int64_t n = 0;
  out.reserve(s.size());
  for (;;) {
    size_t at = s.find(old, start);
    if (at == std::string::npos || (count >= 0 && n >= count)) break;
    out.append(s, start, at - start);
    out += rep;
    start = at + old.size();
    ++n;
  }
  out.append(s, start);
  if (self_ascii(a) && a[2].as<Str>()->ascii) return ascii_str(std::move(out));
  return make_str(std::move(out));
}

bool affix_match(const Args& a, bool prefix) {
  const std::string& s = self_s(a);
  const CoreTypes& t = vm().t;
  auto test = [&](const Value& v) {
    Str* p = as_str(v);
    if (!p) {
      type_error(std::string(prefix ? "startswith" : "endswith") +
                 " first arg must be str or a tuple of str, not " + type_name(v));
    }
    if (p->s.size() > s.size()) return false;
    return prefix ? s.compare(0, p->s.size(), p->s) == 0
                  : s.compare(s.size() - p->s.size(), p->s.size(), p->s) == 0;
  };
  if (auto* tu = a[1].if_type<Tuple>(t.tuple)) {
    for (const auto& v : tu->items) {
      if (test(v)) return true;
    }
    return false;
  }
  return test(a[1]);
}

// startswith/endswith with start/end: test the slice self[start:end].
Value affix_sliced(Args& a, bool prefix) {
  check_args(a, prefix ? "startswith" : "endswith", 2, 4);
  if (a.n == 2) return Value::boolean(affix_match(a, prefix));
  Value sl(new Slice(a[2], a.n > 3 ? a[3] : Value::none(), Value::none()));
  Value sub = get_item(a[0], sl);
  Value args[2] = {sub, a[1]};
  Args b{args, 2, nullptr, nullptr};
  return Value::boolean(affix_match(b, prefix));
}

Value s_startswith(Args& a) { return affix_sliced(a, true); }
Value s_endswith(Args& a) { return affix_sliced(a, false); }

Value s_isascii(Args& a) { return Value::boolean(a[0].as<Str>()->ascii); }

Value s_istitle(Args& a) {
  bool prev_cased = false, any = false;
  for (char c : self_s(a)) {
    bool up = c >= 'A' && c <= 'Z', low = c >= 'a' && c <= 'z';
    if (up && prev_cased) return Value::boolean(false);
    if (low && !prev_cased) return Value::boolean(false);
    if (up || low) any = true;
    prev_cased = up || low;
  }
  return Value::boolean(any);
}

Value s_expandtabs(Args& a) {
  int64_t size = a.n > 1 ? to_index(a[1]) : 8;
  std::string out;
  int64_t col = 0;
  size_t pos = 0;
  const std::string& s = self_s(a);
  while (pos < s.size()) {
    char32_t c = utf8::decode(s, pos);
    if (c == '\t') {
      if (size > 0) {
        int64_t n = size - col % size;
        out.append(static_cast<size_t>(n), ' ');
        col += n;
      }
    } else {
      utf8::append(out, c);
      col = (c == '\n' || c == '\r') ? 0 : col + 1;
    }
  }
  return make_str(std::move(out));
}

int64_t cp_index_of_byte(const std::string& s, size_t byte) {
  return static_cast<int64_t>(utf8::length(std::string_view(s).substr(0, byte)));
}

int64_t find_impl(const Args& a, bool right) {
  const std::string& s = self_s(a);
  const std::string& sub = arg_s(a, 1, "find");
  if (a.n <= 2 && self_ascii(a)) {
    size_t at = right ? s.rfind(sub) : s.find(sub);
    return at == std::string::npos ? -1 : static_cast<int64_t>(at);
  }
  size_t at = right ? s.rfind(sub) : s.find(sub);
  if (a.n > 2) {
    int64_t n = static_cast<int64_t>(a[0].as<Str>()->ncp);
    int64_t start = a[2].is_none() ? 0 : to_index(a[2]);
    int64_t end = a.n > 3 && !a[3].is_none() ? to_index(a[3]) : n;
    if (start < 0) start = std::max<int64_t>(0, start + n);
    if (end < 0) end = std::max<int64_t>(0, end + n);
    end = std::min(end, n);
    if (start > end) return -1;
    size_t b = utf8::prefix(s, static_cast<size_t>(start)).size();
    size_t e = utf8::prefix(s, static_cast<size_t>(end)).size();
    std::string_view window = std::string_view(s).substr(b, e - b);
    size_t r = right ? window.rfind(sub) : window.find(sub);
    if (r == std::string_view::npos) return -1;
    return cp_index_of_byte(s, b + r);
  }
  return at == std::string::npos ? -1 : cp_index_of_byte(s, at);
}

Value s_find(Args& a) { return Value::integer(find_impl(a, false)); }
Value s_rfind(Args& a) { return Value::integer(find_impl(a, true)); }
Value s_index(Args& a) {
  int64_t r = find_impl(a, false);
  if (r < 0) value_error("substring not found");
  return Value::integer(r);
}
Value s_rindex(Args& a) {
  int64_t r = find_impl(a, true);
  if (r < 0) value_error("substring not found");
  return Value::integer(r);
}

Value s_count(Args& a) {
  const std::string& s = self_s(a);
  const std::string& sub = arg_s(a, 1, "count");
  if (sub.empty()) return Value::integer(static_cast<int64_t>(a[0].as<Str>()->ncp) + 1);
  int64_t n = 0;
  for (size_t at = s.find(sub); at != std::string::npos; at = s.find(sub, at + sub.size())) ++n;
  return Value::integer(n);
}

template <class P>
Value all_chars(const Args& a, P pred) {
  const std::string& s = self_s(a);
  if (s.empty()) return Value::boolean(false);
  size_t pos = 0;
  while (pos < s.size()) {
    if (!pred(utf8::decode(s, pos))) return Value::boolean(false);
  }
  return Value::boolean(true);
}

Value s_isdigit(Args& a) { return all_chars(a, is_digit); }
Value s_isalpha(Args& a) { return all_chars(a, is_alpha); }
Value s_isalnum(Args& a) { return all_chars(a, [](char32_t c) { return is_alpha(c) || is_digit(c); }); }
Value s_isprintable(Args& a) {
  return Value::boolean(self_s(a).empty() || all_chars(a, support::unicode::is_printable).as_bool());
}
Value s_isspace(Args& a) { return all_chars(a, [](char32_t c) { return c < 128 && is_space(static_cast<char>(c)); }); }

Value case_check(const Args& a, bool want_upper) {
  bool cased = false;
  const std::string& s = self_s(a);
  for (char c : s) {
    if (c >= 'a' && c <= 'z') {
      if (want_upper) return Value::boolean(false);
      cased = true;
    } else if (c >= 'A' && c <= 'Z') {
      if (!want_upper) return Value::boolean(false);
      cased = true;
    }
  }
  return Value::boolean(cased);
}

Value s_isupper(Args& a) { return case_check(a, true); }
Value s_islower(Args& a) { return case_check(a, false); }
Value s_isidentifier(Args& a) {
  const std::string& s = self_s(a);
  if (s.empty() || is_digit(static_cast<unsigned char>(s[0]))) return Value::boolean(false);
  return all_chars(a, [](char32_t c) { return is_alpha(c) || is_digit(c) || c == '_'; });
}

std::string pad(const Args& a, const char* fname, int align) {
  check_args(a, fname, 2, 3);
  const std::string& s = self_s(a);
  int64_t width = to_index(a[1]);
  std::string fill = " ";
  if (a.n > 2) {
    Str* f = as_str(a[2]);
    if (!f || f->ncp != 1) type_error("The fill character must be exactly one character long");
    fill = f->s;
  }
  int64_t n = static_cast<int64_t>(a[0].as<Str>()->ncp);
  if (width <= n) return s;
  int64_t total = width - n;
  int64_t left = align < 0 ? 0 : align > 0 ? total : total / 2 + (total & width & 1);
  std::string out;
  for (int64_t i = 0; i < left; ++i) out += fill;
  out += s;
  for (int64_t i = 0; i < total - left; ++i) out += fill;
  return out;
}

Value s_ljust(Args& a) { return make_str(pad(a, "ljust", -1)); }
Value s_rjust(Args& a) { return make_str(pad(a, "rjust", 1)); }
Value s_center(Args& a) { return make_str(pad(a, "center", 0)); }

Value s_zfill(Args& a) {
  check_args(a, "zfill", 2, 2);
  std::string s = self_s(a);
  int64_t width = to_index(a[1]);
  int64_t n = static_cast<int64_t>(a[0].as<Str>()->ncp);
  if (width <= n) return a[0];
  std::string zeros(static_cast<size_t>(width - n), '0');
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) return make_str(s.substr(0, 1) + zeros + s.substr(1));
  return make_str(zeros + s);
}

Value partition_impl(const Args& a, bool right) {
  const std::string& s = self_s(a);
  const std::string& sep = arg_s(a, 1, "partition");
  if (sep.empty()) value_error("empty separator");
  size_t at = right ? s.rfind(sep) : s.find(sep);
  if (at == std::string::npos) {
    return right ? make_tuple({make_str(""), make_str(""), a[0]}) : make_tuple({a[0], make_str(""), make_str("")});
  }
  return make_tuple({make_str(s.substr(0, at)), a[1], make_str(s.substr(at + sep.size()))});
}

Value s_partition(Args& a) { return partition_impl(a, false); }
Value s_rpartition(Args& a) { return partition_impl(a, true); }

Value s_removeprefix(Args& a) {
  const std::string& s = self_s(a);
  const std::string& p = arg_s(a, 1, "removeprefix");
  return s.compare(0, p.size(), p) == 0 && p.size() <= s.size() ? make_str(s.substr(p.size())) : a[0];
}

Value s_removesuffix(Args& a) {
  const std::string& s = self_s(a);
  const std::string& p = arg_s(a, 1, "removesuffix");
  if (p.empty() || p.size() > s.size() || s.compare(s.size() - p.size(), p.size(), p) != 0) return a[0];
  return make_str(s.substr(0, s.size() - p.size()));
}

Value s_format(Args& a) { return make_str(str_format(self_s(a), a, 1)); }

Value s_encode(Args&) { not_supported("bytes (str.encode)"); }

// [SECTION] str.format ---------------------------------------------------------------------------

// Fields are numbered automatically ("{}") or manually ("{0}"), never both in one format.
struct FieldNumbering {
  size_t next = 0;
  bool automatic = false;
  bool manual = false;
};

size_t field_index(std::string_view head, FieldNumbering& numbering) {
  if (head.empty()) {
    if (numbering.manual) value_error("cannot switch from manual field specification to automatic field numbering");
    numbering.automatic = true;
    return numbering.next++;
  }
  if (numbering.automatic) value_error("cannot switch from automatic field numbering to manual field specification");
  numbering.manual = true;
  return static_cast<size_t>(std::stoul(std::string(head)));
}

Value field_value(std::string_view name, const Args& a, size_t first_pos, FieldNumbering& numbering) {
  size_t end = name.find_first_of(".[");
  std::string_view head = name.substr(0, end);
  Value v;
  if (head.empty() || std::all_of(head.begin(), head.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    size_t idx = field_index(head, numbering);
    if (first_pos + idx >= a.n) {
      index_error("Replacement index " + std::to_string(idx) + " out of range for positional args tuple");
    }
    v = a[first_pos + idx];
  } else {
    v = a.kwarg(head);
    if (v.is_null()) key_error(make_str(std::string(head)));
  }
  while (end != std::string_view::npos && end < name.size()) {
    if (name[end] == '.') {
      size_t next = name.find_first_of(".[", end + 1);
      v = get_attr(v, vm().intern(name.substr(end + 1, next - end - 1)));
      end = next;
    } else {
      size_t close = name.find(']', end);
      std::string key(name.substr(end + 1, close - end - 1));
      bool digits = !key.empty() && std::all_of(key.begin(), key.end(), [](char c) { return c >= '0' && c <= '9'; });
      v = get_item(v, digits ? Value::integer(std::stoll(key)) : make_str(key));
      end = close + 1;
    }
  }
  return v;
}

}  // namespace

namespace {

std::string format_fields(std::string_view fmt, const Args& a, size_t first_pos, FieldNumbering& numbering) {
  std::string out;
  for (size_t i = 0; i < fmt.size(); ++i) {
    char c = fmt[i];
    if (c == '}') {
      if (i + 1 < fmt.size() && fmt[i + 1] == '}') {
        out += '}';
        ++i;
        continue;
      }
      value_error("Single '}' encountered in format string");
    }
    if (c != '{') {
      out += c;
      continue;
    }
    if (i + 1 < fmt.size() && fmt[i + 1] == '{') {
      out += '{';
      ++i;
      continue;
    }
    size_t depth = 1, j = i + 1;
    while (j < fmt.size() && depth > 0) {
      if (fmt[j] == '{') ++depth;
      if (fmt[j] == '}') --depth;
      if (depth > 0) ++j;
    }
    if (i + 1 == fmt.size()) value_error("Single '{' encountered in format string");
    if (j >= fmt.size()) value_error("expected '}' before end of string");
    std::string_view field = fmt.substr(i + 1, j - i - 1);
    size_t colon = field.find(':');
    size_t bang = field.find('!');
    if (bang != std::string_view::npos && colon != std::string_view::npos && bang > colon) bang = std::string_view::npos;
    std::string_view name = field.substr(0, std::min(colon, bang));
    char conv = bang != std::string_view::npos && bang + 1 < field.size() ? field[bang + 1] : 0;
    std::string spec = colon != std::string_view::npos ? std::string(field.substr(colon + 1)) : "";
    Value v = field_value(name, a, first_pos, numbering);
    if (spec.find('{') != std::string::npos) spec = format_fields(spec, a, first_pos, numbering);
    if (conv == 'r') v = repr_value(v);
    if (conv == 'a') v = make_str(ascii_repr(v));
    if (conv == 's') v = str_value(v);
    out += format_value(v, spec);
    i = j;
  }
  return out;
}

}  // namespace

std::string str_format(std::string_view fmt, const Args& a, size_t first_pos) {
  FieldNumbering numbering;
  return format_fields(fmt, a, first_pos, numbering);
}

void init_str_methods(VM& v) {
  Type* t = v.t.str;
  struct Entry {
    const char* name;
    NativeFn fn;
  };
  static const Entry kMethods[] = {
      {"upper", s_upper},         {"lower", s_lower},           {"swapcase", s_swapcase},
      {"capitalize", s_capitalize}, {"title", s_title},         {"casefold", s_lower},
      {"strip", s_strip},         {"lstrip", s_lstrip},         {"rstrip", s_rstrip},
      {"split", s_split},         {"rsplit", s_rsplit},         {"splitlines", s_splitlines},
      {"join", s_join},           {"replace", s_replace},       {"startswith", s_startswith},
      {"endswith", s_endswith},   {"find", s_find},             {"rfind", s_rfind},
      {"index", s_index},         {"rindex", s_rindex},         {"count", s_count},
      {"isdigit", s_isdigit},     {"isdecimal", s_isdigit},     {"isnumeric", s_isdigit},
      {"isalpha", s_isalpha},     {"isalnum", s_isalnum},       {"isspace", s_isspace},
      {"isprintable", s_isprintable},
      {"isupper", s_isupper},     {"islower", s_islower},       {"isidentifier", s_isidentifier},
      {"ljust", s_ljust},         {"rjust", s_rjust},           {"center", s_center},
      {"zfill", s_zfill},         {"partition", s_partition},   {"rpartition", s_rpartition},
      {"removeprefix", s_removeprefix}, {"removesuffix", s_removesuffix}, {"format", s_format},
      {"encode", s_encode},       {"istitle", s_istitle},       {"isascii", s_isascii},       {"expandtabs", s_expandtabs},
  };
  for (const auto& e : kMethods) def_method(t, e.name, e.fn);
}

}  // namespace looplab::lang
