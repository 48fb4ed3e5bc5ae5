#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

#include "engine/export/export.hpp"
#include "export_fixtures.hpp"

namespace looplab::exporter {
namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// Index of the first line containing `needle` at or after `from`, or -1.
long line_with(const std::vector<std::string>& lines, const std::string& needle, long from = 0) {
  for (size_t i = static_cast<size_t>(from); i < lines.size(); ++i)
    if (lines[i].find(needle) != std::string::npos) return static_cast<long>(i);
  return -1;
}

TEST_CASE("text export interleaves console output with the narrated events") {
  const auto run = testing::run_sleep_gather();
  Options options;
  options.title = "sleep and gather";
  const auto lines = lines_of(testing::export_string(run->trace(), Format::Text, options));
  REQUIRE(lines.size() > 5);
  CHECK(lines[0] == "LoopLab trace: sleep and gather");
  const long step = line_with(lines, "Task-2 (cook) starts a step at line 14");
  const long printed = line_with(lines, "| start soup", step);
  const long sleeps = line_with(lines, "Task-2 awaits asyncio.sleep(2.0)", printed);
  REQUIRE(step >= 0);
  CHECK(printed == step + 1);
  CHECK(sleeps > printed);
  const long salad = line_with(lines, "| salad ready");
  const long soup = line_with(lines, "| soup ready");
  const long cake = line_with(lines, "| cake ready");
  CHECK(salad < soup);
  CHECK(soup < cake);
  CHECK(line_with(lines, "| all done", cake) > cake);
  CHECK(lines[static_cast<size_t>(soup)].rfind("     2.000", 0) == 0);
}

TEST_CASE("text export hides line moves and handle pops unless verbose") {
  const auto run = testing::run_sleep_gather();
  const std::string brief = testing::export_string(run->trace(), Format::Text);
  Options verbose;
  verbose.verbose = true;
  const std::string full = testing::export_string(run->trace(), Format::Text, verbose);
  CHECK(brief.find("is at line") == std::string::npos);
  CHECK(brief.find("pops the next callback") == std::string::npos);
  CHECK(full.find("Task-1 is at line 21") != std::string::npos);
  CHECK(full.find("pops the next callback") != std::string::npos);
}

TEST_CASE("text export ends with the outcome of a failed run") {
  const auto run = testing::run_failure();
  const auto lines = lines_of(testing::export_string(run->trace(), Format::Text));
  CHECK(lines.back() == "Outcome: ValueError: boom");
  CHECK(line_with(lines, "Task-2 failed with ValueError: boom") >= 0);
  CHECK(lines[1].find("with exit status 1") != std::string::npos);
}

TEST_CASE("text export shows each printed line of a chunk on its own line") {
  const auto lines = lines_of(testing::export_string(testing::one_event_trace(), Format::Text));
  REQUIRE(lines.size() >= 2);
  CHECK(lines[lines.size() - 2].find("| quote \" comma") != std::string::npos);
  CHECK(lines.back().find("| second line") != std::string::npos);
}

}  // namespace
}  // namespace looplab::exporter
