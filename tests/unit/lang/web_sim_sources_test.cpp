// The simulated web exists twice: as Python embedded in engine/lang (mod_requests.cpp,
// mod_aiohttp.cpp) and as the reference runner's modules (tests/reference/sim). Their
// classes and functions must be the same text, so the two cannot drift apart; only the
// imports above the first definition differ (the reference imports its helpers).
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>

namespace {

std::string read_source(const std::string& relative) {
  std::ifstream in(std::string(LOOPLAB_SOURCE_DIR) + "/" + relative);
  REQUIRE(in.good());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The embedded Python raw string (R"PY(...)PY") of `cpp` that defines `marker`.
std::string embedded_python(const std::string& cpp, const std::string& marker) {
  size_t open = 0;
  while ((open = cpp.find("R\"PY(", open)) != std::string::npos) {
    open += 5;
    const size_t close = cpp.find(")PY\"", open);
    REQUIRE(close != std::string::npos);
    std::string body = cpp.substr(open, close - open);
    if (body.find(marker) != std::string::npos) return body;
    open = close;
  }
  FAIL("no embedded Python defines " << marker);
  return {};
}

// From the first top-level class or function to the end.
std::string definitions(const std::string& python) {
  const size_t at = std::min(python.find("\nclass "), python.find("\ndef "));
  REQUIRE(at != std::string::npos);
  return python.substr(at + 1);
}

}  // namespace

TEST_CASE("embedded aiohttp defines the same classes as the reference runner's") {
  const std::string embedded = embedded_python(read_source("engine/lang/mod_aiohttp.cpp"), "class ClientSession");
  const std::string reference = read_source("tests/reference/sim/aiohttp.py");
  CHECK(definitions(embedded) == definitions(reference));
}

TEST_CASE("embedded requests defines the same classes as the reference runner's") {
  const std::string embedded = embedded_python(read_source("engine/lang/mod_requests.cpp"), "class Response");
  const std::string reference = read_source("tests/reference/sim/requests.py");
  CHECK(definitions(embedded) == definitions(reference));
}
