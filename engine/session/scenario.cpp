#include "engine/session/scenario.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <set>

namespace looplab::session {

namespace {

// [SECTION] Text helpers ----------------------------------------------------------------

constexpr std::string_view kSpaces = " \t";

std::string_view trim(std::string_view text) {
  const auto begin = text.find_first_not_of(kSpaces);
  if (begin == std::string_view::npos) return {};
  return text.substr(begin, text.find_last_not_of(kSpaces) - begin + 1);
}

bool starts_with_space(std::string_view text) {
  return !text.empty() && (text.front() == ' ' || text.front() == '\t');
}

// Lines without their terminators ("\n" or "\r\n"); a final line without one counts too.
std::vector<std::string_view> split_lines(std::string_view source) {
  std::vector<std::string_view> lines;
  while (!source.empty()) {
    auto end = source.find('\n');
    auto line = source.substr(0, end);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    if (end == std::string_view::npos) break;
    source.remove_prefix(end + 1);
  }
  return lines;
}

[[noreturn]] void fail(const std::string& name, int line, const std::string& message) {
  throw ScenarioError(name + ":" + std::to_string(line) + ": " + message);
}

// [SECTION] Numbers ------------------------------------------------------------------

// A Python int or float literal, optionally negative, with `_` digit separators. Anything
// from_chars does not consume entirely (0x10, 1j, inf, +3) is not one.
struct Number {
  double value = 0;
  bool is_int = false;
};

std::optional<Number> parse_number(std::string_view text) {
  std::string digits;
  for (char c : text) {
    if (c != '_') digits += c;
  }
  const bool is_int = digits.find_first_of(".eE") == std::string::npos;
  const char* begin = digits.data();
  const char* end = begin + digits.size();
  Number number{0, is_int};
  if (is_int) {
    long long whole = 0;
    auto [ptr, ec] = std::from_chars(begin, end, whole);
    if (ec != std::errc() || ptr != end) return {};
    number.value = static_cast<double>(whole);
  } else {
    auto [ptr, ec] = std::from_chars(begin, end, number.value);
    if (ec != std::errc() || ptr != end || !std::isfinite(number.value)) return {};
  }
  return number;
}

std::string format_value(double value, bool is_int) {
  return is_int ? std::to_string(static_cast<long long>(value)) : python_float_repr(value);
}

// [SECTION] Docstring ------------------------------------------------------------------

struct Docstring {
  int first_line = 0;  // 1-based, inclusive; 0 when there is none
  int last_line = 0;
  std::vector<std::string_view> lines;  // the text between the quotes, line by line
};

// The module docstring: the first statement, a triple-quoted string (r prefix allowed).
Docstring find_docstring(const std::vector<std::string_view>& lines) {
  size_t i = 0;
  while (i < lines.size() && (trim(lines[i]).empty() || trim(lines[i]).front() == '#')) ++i;
  if (i == lines.size()) return {};
  std::string_view text = lines[i];
  if (!text.empty() && (text.front() == 'r' || text.front() == 'R')) text.remove_prefix(1);
  if (text.size() < 3 || (text.substr(0, 3) != "\"\"\"" && text.substr(0, 3) != "'''")) return {};
  const std::string_view quotes = text.substr(0, 3);
  text.remove_prefix(3);
  Docstring doc;
  doc.first_line = static_cast<int>(i) + 1;
  for (size_t j = i; j < lines.size(); ++j) {
    if (j > i) text = lines[j];
    const auto close = text.find(quotes);
    doc.lines.push_back(text.substr(0, close));
    if (close != std::string_view::npos) {
      doc.last_line = static_cast<int>(j) + 1;
      return doc;
    }
  }
  return {};  // unterminated: the compiler reports it
}

// Title, `Lesson:` group and lesson text, dedented like inspect.cleandoc.
void read_docstring(const Docstring& doc, ScenarioInfo& info) {
  size_t i = 0;
  while (i < doc.lines.size() && trim(doc.lines[i]).empty()) ++i;
  if (i == doc.lines.size()) return;
  info.title = trim(doc.lines[i]);
  std::vector<std::string_view> body;
  size_t indent = std::string_view::npos;
  for (++i; i < doc.lines.size(); ++i) {
    const std::string_view line = doc.lines[i];
    if (trim(line).substr(0, 7) == "Lesson:") {
      info.lesson_group = trim(trim(line).substr(7));
      continue;
    }
    if (!trim(line).empty()) indent = std::min(indent, line.find_first_not_of(kSpaces));
    body.push_back(line);
  }
  while (!body.empty() && trim(body.front()).empty()) body.erase(body.begin());
  while (!body.empty() && trim(body.back()).empty()) body.pop_back();
  for (const std::string_view line : body) {
    if (!info.lesson.empty()) info.lesson += '\n';
    if (!trim(line).empty()) info.lesson += line.substr(indent);
  }
  while (!info.lesson.empty() && info.lesson.back() == ' ') info.lesson.pop_back();
}

// [SECTION] @param and @note lines -----------------------------------------------------------

// Where `marker` ("@param", "@note") starts a comment on this line: the position of its '#'.
std::optional<size_t> comment_marker(std::string_view line, std::string_view marker) {
  for (auto at = line.find(marker); at != std::string_view::npos; at = line.find(marker, at + 1)) {
    const auto after = at + marker.size();
    if (at == 0 || (after < line.size() && line[after] != ' ' && line[after] != '\t')) continue;
    const auto hash = line.find_last_not_of(kSpaces, at - 1);
    if (hash != std::string_view::npos && line[hash] == '#') return hash;
  }
  return {};
}

// `NAME = value` at the top level: the only shape a @param may annotate.
struct ConstantLine {
  std::string_view name;
  size_t value_begin = 0;
  size_t value_end = 0;
};

std::optional<ConstantLine> split_constant(std::string_view code) {
  const auto is_name_char = [](char c) {
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  };
  size_t pos = 0;
  while (pos < code.size() && is_name_char(code[pos])) ++pos;
  if (pos == 0 || (code[0] >= '0' && code[0] <= '9')) return {};
  ConstantLine constant{code.substr(0, pos)};
  pos = code.find_first_not_of(kSpaces, pos);
  if (pos == std::string_view::npos || code[pos] != '=') return {};
  constant.value_begin = code.find_first_not_of(kSpaces, pos + 1);
  if (constant.value_begin == std::string_view::npos) return {};
  constant.value_end = code.find_last_not_of(kSpaces) + 1;
  const auto value = code.substr(constant.value_begin, constant.value_end - constant.value_begin);
  if (value.find_first_of(kSpaces) != std::string_view::npos) return {};
  return constant;
}

// `MIN..MAX step S description`, the text after "@param".
void read_param_spec(const std::string& name, int line_no, std::string_view spec,
                     ScenarioParam& param) {
  const std::string shape = "expected '@param MIN..MAX step S description'";
  spec = trim(spec);
  const auto range_end = spec.find_first_of(kSpaces);
  const auto range = spec.substr(0, range_end);
  const auto dots = range.find("..", 1);
  if (range_end == std::string_view::npos || dots == std::string_view::npos)
    fail(name, line_no, shape);
  const auto low = parse_number(range.substr(0, dots));
  const auto high = parse_number(range.substr(dots + 2));
  if (!low || !high) fail(name, line_no, "malformed @param range '" + std::string(range) + "'");
  spec = trim(spec.substr(range_end));
  if (spec.substr(0, 4) != "step" || !starts_with_space(spec.substr(4))) fail(name, line_no, shape);
  spec = trim(spec.substr(4));
  const auto step_end = spec.find_first_of(kSpaces);
  const auto step = parse_number(spec.substr(0, step_end));
  if (!step)
    fail(name, line_no, "malformed @param step '" + std::string(spec.substr(0, step_end)) + "'");
  param.description = step_end == std::string_view::npos ? "" : trim(spec.substr(step_end));
  if (param.description.empty())
    fail(name, line_no, "@param " + param.name + " needs a description");
  param.min = low->value;
  param.max = high->value;
  param.step = step->value;
}

void check_param(const std::string& name, const ScenarioParam& param) {
  const auto where = "@param " + param.name + ": ";
  if (param.min > param.max) fail(name, param.line, where + "MIN is greater than MAX");
  if (!(param.step > 0)) fail(name, param.line, where + "step must be positive");
  const auto whole = [](double v) { return std::trunc(v) == v; };
  if (param.is_int && !(whole(param.min) && whole(param.max) && whole(param.step))) {
    fail(name, param.line, where + "an int parameter needs whole-number MIN, MAX and step");
  }
  if (param.value < param.min || param.value > param.max) {
    fail(name, param.line,
         where + "default " + format_value(param.value, param.is_int) + " is outside " +
             format_value(param.min, param.is_int) + ".." + format_value(param.max, param.is_int));
  }
}

ScenarioParam read_param(const std::string& name, int line_no, std::string_view line, size_t hash) {
  const auto constant = split_constant(line.substr(0, hash));
  if (!constant || starts_with_space(line)) {
    fail(name, line_no, "@param must follow a top-level constant: NAME = <number>");
  }
  const auto value_text =
      line.substr(constant->value_begin, constant->value_end - constant->value_begin);
  const auto value = parse_number(value_text);
  if (!value) {
    fail(name, line_no,
         "@param " + std::string(constant->name) + ": '" + std::string(value_text) +
             "' is not an int or float literal");
  }
  ScenarioParam param;
  param.name = constant->name;
  param.value = value->value;
  param.is_int = value->is_int;
  param.line = line_no;
  const auto spec = line.substr(hash + 1);
  read_param_spec(name, line_no, spec.substr(spec.find("@param") + 6), param);
  check_param(name, param);
  return param;
}

// [SECTION] Overrides ------------------------------------------------------------------

double override_value(const std::string& name, const ScenarioParam& param, std::string_view text) {
  const auto number = parse_number(trim(text));
  if (!number || (param.is_int && !number->is_int)) {
    fail(name, param.line,
         param.name + " takes " + (param.is_int ? "an int" : "a number") + ", not '" +
             std::string(text) + "'");
  }
  if (number->value < param.min || number->value > param.max) {
    fail(name, param.line,
         param.name + " = " + std::string(trim(text)) + " is outside " +
             format_value(param.min, param.is_int) + ".." + format_value(param.max, param.is_int));
  }
  return number->value;
}

std::string known_names(const std::vector<ScenarioParam>& params) {
  if (params.empty()) return "this scenario has no parameters";
  std::string names = "parameters: ";
  for (const auto& param : params) {
    names += param.name;
    if (&param != &params.back()) names += ", ";
  }
  return names;
}

}  // namespace

// [SECTION] Public API -------------------------------------------------------------------

ScenarioInfo parse_scenario(std::string name, std::string source) {
  ScenarioInfo info;
  info.name = std::move(name);
  const auto lines = split_lines(source);
  const auto doc = find_docstring(lines);
  read_docstring(doc, info);
  std::set<std::string, std::less<>> seen;
  for (size_t i = 0; i < lines.size(); ++i) {
    const int line_no = static_cast<int>(i) + 1;
    if (line_no >= doc.first_line && line_no <= doc.last_line) continue;
    std::string_view line = lines[i];
    if (const auto hash = comment_marker(line, "@note")) {
      const auto sentence = trim(line.substr(line.find("@note", *hash) + 5));
      if (sentence.empty()) fail(info.name, line_no, "@note needs a sentence");
      info.notes[line_no] = sentence;
      line = line.substr(0, *hash);
    }
    if (const auto hash = comment_marker(line, "@param")) {
      auto param = read_param(info.name, line_no, line, *hash);
      if (!seen.insert(param.name).second) {
        fail(info.name, line_no, "@param " + param.name + " is defined twice");
      }
      info.params.push_back(std::move(param));
    }
  }
  return info;
}

std::string apply_params(const std::string& name, const std::string& source,
                         const ParamOverrides& overrides) {
  const ScenarioInfo info = parse_scenario(name, source);
  std::map<int, std::string> new_values;  // line -> value text
  for (const auto& [param_name, text] : overrides) {
    const auto param = std::find_if(info.params.begin(), info.params.end(),
                                    [&](const ScenarioParam& p) { return p.name == param_name; });
    if (param == info.params.end()) {
      throw ScenarioError(name + ": unknown parameter '" + param_name + "' (" +
                          known_names(info.params) + ")");
    }
    new_values[param->line] = format_value(override_value(name, *param, text), param->is_int);
  }
  std::string result;
  result.reserve(source.size() + 16 * new_values.size());
  std::string_view rest = source;
  for (int line_no = 1; !rest.empty(); ++line_no) {
    const auto end = rest.find('\n');
    const auto line = rest.substr(0, end == std::string_view::npos ? rest.size() : end + 1);
    rest.remove_prefix(line.size());
    const auto value = new_values.find(line_no);
    if (value == new_values.end()) {
      result += line;
      continue;
    }
    const auto constant = split_constant(line.substr(0, *comment_marker(line, "@param")));
    result += line.substr(0, constant->value_begin);
    result += value->second;
    result += line.substr(constant->value_end);
  }
  return result;
}

std::string python_float_repr(double value) {
  if (std::isnan(value)) return "nan";
  if (std::isinf(value)) return value < 0 ? "-inf" : "inf";
  char buffer[64];
  const auto end =
      std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific).ptr;
  const std::string_view text(buffer, static_cast<size_t>(end - buffer));  // "-d.ddde+XX"
  const auto e = text.find('e');
  std::string sign = text.front() == '-' ? "-" : "";
  std::string digits;
  for (char c : text.substr(sign.size(), e - sign.size())) {
    if (c != '.') digits += c;
  }
  const int exponent = std::atoi(std::string(text.substr(e + 1)).c_str());
  if (exponent < -4 || exponent >= 16) {
    std::string mantissa = digits.substr(0, 1);
    if (digits.size() > 1) mantissa += "." + digits.substr(1);
    const std::string magnitude = std::to_string(std::abs(exponent));
    return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (magnitude.size() < 2 ? "0" : "") +
           magnitude;
  }
  if (exponent < 0)
    return sign + "0." + std::string(static_cast<size_t>(-exponent - 1), '0') + digits;
  const auto whole_digits = static_cast<size_t>(exponent) + 1;
  if (digits.size() <= whole_digits) {
    return sign + digits + std::string(whole_digits - digits.size(), '0') + ".0";
  }
  return sign + digits.substr(0, whole_digits) + "." + digits.substr(whole_digits);
}

}  // namespace looplab::session
