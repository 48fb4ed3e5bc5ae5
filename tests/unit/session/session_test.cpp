// The Session: loading programs, applying parameters, and the determinism contract
// (the same scenario, parameters and seed give a byte-identical trace).
#include <catch2/catch.hpp>

#include <sstream>

#include "engine/export/export.hpp"
#include "engine/loop/trace.hpp"
#include "engine/session/session.hpp"
#include "tests/unit/session/oracle.hpp"

namespace ls = looplab::session;
using looplab::testing::Oracle;
using looplab::testing::reference_run;

namespace {

std::string csv_of(const looplab::loop::Trace& trace) {
  std::ostringstream out;
  std::string error;
  REQUIRE(looplab::exporter::write(trace, looplab::exporter::Format::Csv, out, {}, &error));
  return out.str();
}

ls::Program scenario(const char* name) {
  std::string error;
  auto program = ls::load_program(name, &error);
  REQUIRE(program);
  return *program;
}

}  // namespace

TEST_CASE("every built-in scenario loads by name with a title") {
  const auto programs = ls::builtin_programs();
  REQUIRE(programs.size() >= 16);
  for (const auto& p : programs) {
    std::string error;
    auto loaded = ls::load_program(p.name, &error);
    REQUIRE(loaded);
    CHECK(loaded->source == p.source);
    CHECK_FALSE(loaded->info.title.empty());
  }
}

TEST_CASE("an unknown scenario name is a one-line error") {
  std::string error;
  CHECK_FALSE(ls::load_program("no-such-scenario", &error));
  CHECK(error.find("no-such-scenario") != std::string::npos);
  CHECK(error.find('\n') == std::string::npos);
}

TEST_CASE("the same scenario and parameters give a byte-identical trace") {
  const ls::Program program = scenario("sleep-gather");
  const ls::RunResult a = ls::run(program, {});
  const ls::RunResult b = ls::run(program, {});
  REQUIRE(a.exit_status == b.exit_status);
  CHECK(a.stdout_text == b.stdout_text);
  CHECK(a.trace->size() == b.trace->size());
  CHECK(csv_of(*a.trace) == csv_of(*b.trace));
}

TEST_CASE("a parameter override changes the run and a bad one is a usage error") {
  const ls::Program program = scenario("restaurant");
  REQUIRE_FALSE(program.info.params.empty());
  const auto& param = program.info.params.front();

  ls::RunOptions lowest;
  lowest.overrides = {{param.name, param.is_int ? std::to_string(static_cast<int>(param.min))
                                                : std::to_string(param.min)}};
  const ls::RunResult defaults = ls::run(program, {});
  const ls::RunResult changed = ls::run(program, lowest);
  CHECK(defaults.exit_status == changed.exit_status);
  CHECK(csv_of(*defaults.trace) != csv_of(*changed.trace));

  ls::RunOptions unknown;
  unknown.overrides = {{"NO_SUCH_PARAM", "1"}};
  const ls::RunResult bad = ls::run(program, unknown);
  CHECK(bad.exit_status == ls::kExitUsage);
  CHECK(bad.stderr_text.find("NO_SUCH_PARAM") != std::string::npos);
}

TEST_CASE("a program's source runs from text and its error points at the failing line") {
  const std::string source = "x = 1\nprint(x)\nprint(y)\n";
  const ls::RunResult result = ls::run(ls::program_from_source("typo", "typo.py", source), {});
  const Oracle cpython = reference_run(source);
  CHECK(result.exit_status == ls::kExitError);
  CHECK(result.stdout_text == cpython.out);
  REQUIRE(result.error);
  CHECK(result.error->line == 3);
  CHECK(result.error->message == cpython.last_err_line);
}

TEST_CASE("stamped stdout prefixes each line with the virtual time it was completed") {
  const std::string source =
      "import time\nprint('a')\ntime.sleep(2.5)\nprint('b', end='')\ntime.sleep(1)\n";
  const ls::RunResult result = ls::run(ls::program_from_source("stamps", "s.py", source), {});
  REQUIRE(result.exit_status == 0);
  CHECK(ls::stamped_stdout(*result.trace) == reference_run(source, {"--stamp"}).out);
}
