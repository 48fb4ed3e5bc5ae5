// Clicking a warning marks the timeline lanes of what it concerns (app/gui/run_analysis).
#include <catch2/catch.hpp>

#include <vector>

#include "app/gui/run_analysis.hpp"
#include "engine/export/timeline_model.hpp"
#include "tests/unit/app/trace_fixture.hpp"

namespace {

using looplab::app::find_warnings;
using looplab::app::warning_lanes;
using looplab::app::WarningKind;
using looplab::app::testing::two_sleepers;
using looplab::loop::EventKind;

}  // namespace

TEST_CASE("a blocked-loop warning marks the loop's lane, the blocker's, then the starved tasks'",
          "[app]") {
  const auto trace = two_sleepers({1.0, 2.0, 1.5});
  const auto timeline = looplab::exporter::build_timeline(*trace);
  const auto warnings = find_warnings(*trace);
  REQUIRE(warnings.size() == 1);
  REQUIRE(warnings[0].kind == WarningKind::LoopBlocked);
  const std::vector<uint32_t> expected = {looplab::exporter::TimelineModel::kLoopLane,
                                          timeline.task_lane[1], timeline.task_lane[2]};
  CHECK(warning_lanes(warnings[0], timeline) == expected);
}

TEST_CASE("an unretrieved-exception report marks the lane of the task it names", "[app]") {
  auto trace = two_sleepers();
  const auto& last = trace->events.back();
  trace->add(EventKind::Stderr, last.time, last.iteration, looplab::loop::kNone,
             trace->strings.intern("Task exception was never retrieved\n"
                                   "future: <Task finished name='Task-3' coro=<b()> "
                                   "exception=ValueError('x')>\n"));
  const auto timeline = looplab::exporter::build_timeline(*trace);
  const auto warnings = find_warnings(*trace);
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].kind == WarningKind::NeverRetrieved);
  CHECK(warning_lanes(warnings[0], timeline) == std::vector<uint32_t>{timeline.task_lane[2]});
}

TEST_CASE("a warning about no task in particular marks no lane", "[app]") {
  auto trace = two_sleepers();
  const auto& last = trace->events.back();
  trace->add(EventKind::Stderr, last.time, last.iteration, looplab::loop::kNone,
             trace->strings.intern("RuntimeWarning: coroutine 'f' was never awaited\n"));
  const auto timeline = looplab::exporter::build_timeline(*trace);
  const auto warnings = find_warnings(*trace);
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].kind == WarningKind::NeverAwaited);
  CHECK(warning_lanes(warnings[0], timeline).empty());
}
