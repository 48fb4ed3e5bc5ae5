// Smoke check over the conformance programs and the lessons' code blocks: the valid
// ones parse (or name the unsupported construct), and nothing crashes.

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "engine/lang/parser.hpp"

namespace fs = std::filesystem;
using looplab::lang::parse_module;

namespace {

// The bodies of the ``` fenced blocks of a markdown text.
std::vector<std::string> fenced_blocks(const std::string& text) {
  std::vector<std::string> out;
  for (size_t open = text.find("```"); open != std::string::npos;) {
    size_t body = text.find('\n', open);
    size_t close = body == std::string::npos ? body : text.find("```", body);
    if (close == std::string::npos) break;
    out.push_back(text.substr(body + 1, close - body - 1));
    open = text.find("```", close + 3);
  }
  return out;
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST_CASE("conformance programs of lang and asyncio parse or name what is unsupported") {
  int parsed = 0;
  for (const char* area : {"lang", "asyncio"}) {
    fs::path dir = fs::path(LOOPLAB_SOURCE_DIR) / "tests" / "conformance" / area;
    if (!fs::exists(dir)) continue;
    for (const auto& entry : fs::directory_iterator(dir)) {
      if (entry.path().extension() != ".py") continue;
      INFO(entry.path().string());
      auto r = parse_module(read_file(entry.path()), entry.path().filename().string());
      if (!r.ok()) CHECK(r.error->type == "NotImplementedError");
      ++parsed;
    }
  }
  CHECK(parsed > 0);
}

TEST_CASE("error conformance programs give a diagnostic with a line or parse") {
  fs::path dir = fs::path(LOOPLAB_SOURCE_DIR) / "tests" / "conformance" / "errors";
  if (!fs::exists(dir)) return;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".py") continue;
    INFO(entry.path().string());
    auto r = parse_module(read_file(entry.path()), "f.py");
    bool syntax = !r.ok() && (r.error->type == "SyntaxError" ||
                              r.error->type == "IndentationError" || r.error->type == "TabError");
    if (syntax) CHECK(r.error->line > 0);
  }
}

TEST_CASE("the lessons' code blocks never crash the front end") {
  fs::path seeds = fs::path(LOOPLAB_SOURCE_DIR) / ".." / "shared" / "seeds";
  if (!fs::exists(seeds)) return;
  for (const auto& entry : fs::directory_iterator(seeds)) {
    if (entry.path().extension() != ".md") continue;
    for (const std::string& code : fenced_blocks(read_file(entry.path()))) {
      auto r = parse_module(code, "lesson.py");
      if (!r.ok()) CHECK_FALSE(r.error->message.empty());
    }
  }
}
