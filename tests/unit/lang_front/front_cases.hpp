#pragma once
// Shared helpers for the front-end tests: the CPython-generated case files written by
// check_errors.py, and a few small conveniences.

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "engine/lang/parser.hpp"

namespace looplab::lang::test {

inline nlohmann::json load_cases(const std::string& name) {
  std::ifstream in(std::string(LOOPLAB_SOURCE_DIR) + "/tests/unit/lang_front/" + name);
  std::stringstream text;
  text << in.rdbuf();
  return nlohmann::json::parse(text.str());
}

// The last line of the rendered diagnostic ("SyntaxError: invalid syntax").
inline std::string summary_of(const std::string& source) {
  ParseResult r = parse_module(source, "f.py");
  return r.ok() ? std::string("ok") : syntax_error_summary(*r.error);
}

}  // namespace looplab::lang::test
