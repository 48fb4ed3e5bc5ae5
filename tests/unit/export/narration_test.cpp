#include <catch2/catch.hpp>

#include <string>

#include "engine/export/narration.hpp"
#include "export_fixtures.hpp"

namespace looplab::exporter {
namespace {

using loop::EventKind;
using loop::Trace;

// Index of the first event of `kind` whose narration contains `needle`, or -1.
long find_sentence(const Trace& trace, EventKind kind, const std::string& needle) {
  for (size_t i = 0; i < trace.size(); ++i)
    if (trace[i].kind == kind && narrate(trace, i).find(needle) != std::string::npos)
      return static_cast<long>(i);
  return -1;
}

std::string first_sentence(const Trace& trace, EventKind kind) {
  for (size_t i = 0; i < trace.size(); ++i)
    if (trace[i].kind == kind) return narrate(trace, i);
  return "";
}

TEST_CASE("narration says where a task's step starts and what it sleeps for") {
  const auto run = testing::run_sleep_gather();
  const Trace& trace = run->trace();
  CHECK(find_sentence(trace, EventKind::StepBegin, "Task-2 (cook) starts a step at line 14") >= 0);
  CHECK(find_sentence(trace, EventKind::StepEnd,
                      "Task-2 awaits asyncio.sleep(2.0): it will wake at t=2.000") >= 0);
  CHECK(find_sentence(trace, EventKind::StepEnd,
                      "Task-1 awaits gather: it waits until every child finishes") >= 0);
}

TEST_CASE("a resumed step is narrated at the line where the task stopped") {
  const auto run = testing::run_sleep_gather();
  const Trace& trace = run->trace();
  // Each cook stops at line 15 (the sleep) and resumes there after its timer.
  CHECK(find_sentence(trace, EventKind::StepBegin, "Task-3 (cook) starts a step at line 15") >= 0);
}

TEST_CASE("narration of a timer firing names the task it wakes") {
  const auto run = testing::run_cancellation();
  CHECK(first_sentence(run->trace(), EventKind::TimerFired) ==
        "The timer for Task-1 fires: its wake-up goes to the back of the ready queue");
}

TEST_CASE("narration of a blocking time.sleep gives the span when nothing else can run") {
  const auto run = testing::run_worker_and_blocking_sleep();
  CHECK(first_sentence(run->trace(), EventKind::LoopBlockedFrom) ==
        "The loop is blocked by time.sleep(2.0) from t=0.000 to t=2.000: nothing else can run");
  CHECK(first_sentence(run->trace(), EventKind::WorkerSleep) ==
        "Worker-1 (fetch) blocks in time.sleep: it will wake at t=1.500 (the loop keeps running)");
}

TEST_CASE("narration reports a task's result, failure and cancellation") {
  const auto awaited = testing::run_await_task();
  CHECK(first_sentence(awaited->trace(), EventKind::TaskDone) == "Task-3 finished with result 42");
  CHECK(first_sentence(awaited->trace(), EventKind::StepEnd) ==
        "Task-1 awaits Task-2: it waits until Task-2 finishes");
  const auto failed = testing::run_failure();
  CHECK(first_sentence(failed->trace(), EventKind::TaskFailed) ==
        "Task-2 failed with ValueError: boom");
  const auto cancelled = testing::run_cancellation();
  CHECK(first_sentence(cancelled->trace(), EventKind::TaskCancelled) ==
        "Task-2 was cancelled (enough)");
  CHECK(first_sentence(cancelled->trace(), EventKind::TaskCancelRequested) ==
        "Task-1 asks Task-2 to cancel (enough)");
}

TEST_CASE("a Narrator sweeping forward says exactly what narrate says") {
  for (const auto& scenario : testing::native_scenarios()) {
    INFO(scenario.name);
    const auto run = scenario.make();
    const Trace& trace = run->trace();
    Narrator narrator(trace);
    for (size_t i = 0; i < trace.size(); ++i) {
      std::string swept;
      narrator.append(swept, i);
      REQUIRE(swept == narrate(trace, i));
    }
  }
}

TEST_CASE("every event kind gets a one-line sentence, even with unknown ids") {
  Trace trace;
  const auto text = trace.strings.intern("two\nlines\n");
  for (int k = 0; k <= static_cast<int>(EventKind::TaskRenamed); ++k)
    trace.add(static_cast<EventKind>(k), 1.0, 2, 7, text, 9, 1);
  for (size_t i = 0; i < trace.size(); ++i) {
    INFO(loop::to_string(trace[i].kind));
    const std::string sentence = narrate(trace, i);
    CHECK_FALSE(sentence.empty());
    CHECK(sentence.find('\n') == std::string::npos);
  }
}

}  // namespace
}  // namespace looplab::exporter
