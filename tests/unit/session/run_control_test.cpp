// RunControl: a background run reports its progress and stops when asked, without
// waiting for a budget.
#include <catch2/catch.hpp>

#include <chrono>
#include <thread>

#include "engine/loop/trace.hpp"
#include "engine/session/session.hpp"

namespace ls = looplab::session;

namespace {

constexpr const char* kStopped = "Budget exhausted: stopped by the user";

// Runs until a budget far beyond any test's patience.
ls::RunOptions unbounded() {
  ls::RunOptions options;
  options.budgets.max_steps = uint64_t{1} << 60;
  options.budgets.max_time = 1e12;
  options.budgets.max_instructions = uint64_t{1} << 60;
  return options;
}

ls::Program spinning_program() {
  return ls::program_from_source("spin", "spin.py",
                                 "import asyncio\n"
                                 "async def spin(i):\n"
                                 "    while True:\n"
                                 "        await asyncio.sleep(i * 0.001)\n"
                                 "async def main():\n"
                                 "    await asyncio.gather(*(spin(i) for i in range(10)))\n"
                                 "asyncio.run(main())\n");
}

}  // namespace

TEST_CASE("a stop requested while a program runs ends it with exit 4 and a clear message") {
  ls::RunControl control;
  std::thread stopper([&control] {
    // Progress is published while the run goes on: stop only once some has been seen.
    while (control.events.load() == 0) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    control.stop_requested = true;
  });
  const ls::RunResult result = ls::run(spinning_program(), unbounded(), &control);
  stopper.join();
  CHECK(result.exit_status == ls::kExitBudget);
  CHECK(result.stderr_text == std::string(kStopped) + "\n");
  REQUIRE(result.trace);
  CHECK(result.trace->outcome.exit_status == ls::kExitBudget);
  CHECK(result.trace->outcome.message == kStopped);
  CHECK(control.events.load() == result.trace->size());
}

TEST_CASE("a run stopped before it starts runs nothing") {
  ls::RunControl control;
  control.stop_requested = true;
  const ls::RunResult result = ls::run(
      ls::program_from_source("hello", "hello.py", "print('hello')\n"), {}, &control);
  CHECK(result.exit_status == ls::kExitBudget);
  CHECK(result.stdout_text.empty());
  CHECK(result.stderr_text == std::string(kStopped) + "\n");
}

TEST_CASE("a watched run that is not stopped prints what an unwatched run prints") {
  ls::RunControl control;
  std::string error;
  const auto program = ls::load_program("restaurant", &error);
  REQUIRE(program);
  const ls::RunResult watched = ls::run(*program, {}, &control);
  const ls::RunResult plain = ls::run(*program, {});
  CHECK(watched.exit_status == plain.exit_status);
  CHECK(watched.stdout_text == plain.stdout_text);
  CHECK(watched.trace->size() == plain.trace->size());
  CHECK(control.events.load() == watched.trace->size());
}
