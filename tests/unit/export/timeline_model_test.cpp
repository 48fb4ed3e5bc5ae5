#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

#include "engine/export/timeline_model.hpp"
#include "export_fixtures.hpp"

namespace looplab::exporter {
namespace {

using loop::EventKind;

std::vector<LaneState> states_of(const Lane& lane) {
  std::vector<LaneState> out;
  for (const Segment& s : lane.segments) out.push_back(s.state);
  return out;
}

TEST_CASE("timeline lanes are the loop, then tasks and workers in creation order") {
  const auto run = testing::run_worker_and_blocking_sleep();
  const TimelineModel model = build_timeline(run->trace());
  // asyncio.run adds its shutdown tasks after main's.
  REQUIRE(model.lanes.size() == 5);
  CHECK(model.lanes[0].kind == LaneKind::Loop);
  CHECK(model.lanes[0].name == "event loop");
  CHECK(model.lanes[1].name == "Task-1 (blocking_main)");
  CHECK(model.lanes[2].kind == LaneKind::Worker);
  CHECK(model.lanes[2].name == "Worker-1 (fetch)");
  CHECK(model.lanes[3].name == "Task-2 (shutdown_asyncgens)");
  CHECK(model.lanes[4].kind == LaneKind::Task);
  CHECK(model.task_lane[0] == 1);
  CHECK(model.worker_lane[0] == 2);
}

TEST_CASE("timeline segments in each lane are disjoint and in time order") {
  for (const auto& scenario : testing::native_scenarios()) {
    INFO(scenario.name);
    const auto run = scenario.make();
    const TimelineModel model = build_timeline(run->trace());
    for (const Lane& lane : model.lanes) {
      INFO(lane.name);
      for (size_t i = 0; i < lane.segments.size(); ++i) {
        const Segment& s = lane.segments[i];
        REQUIRE(s.start <= s.end);
        if (i > 0) REQUIRE(lane.segments[i - 1].end <= s.start);
      }
    }
  }
}

TEST_CASE("a sleeping task's lane reads ready, running, waiting, ready, running, done") {
  const auto run = testing::run_failure();
  const TimelineModel model = build_timeline(run->trace());
  const Lane& boom = model.lanes[model.task_lane[1]];
  CHECK(states_of(boom) == std::vector<LaneState>{LaneState::Ready, LaneState::Running,
                                                  LaneState::Waiting, LaneState::Ready,
                                                  LaneState::Running, LaneState::Failed});
  CHECK(segment_label(run->trace(), boom.segments[2]) == "sleep 0.25");
  CHECK(boom.segments[2].start == 0.0);
  CHECK(boom.segments[2].end == 0.25);
  CHECK(segment_label(run->trace(), boom.segments.back()) == "failed: ValueError: boom");
}

TEST_CASE("the loop lane shows time.sleep on the loop's thread as blocked") {
  const auto run = testing::run_worker_and_blocking_sleep();
  const TimelineModel model = build_timeline(run->trace());
  const Lane& loop = model.lanes[TimelineModel::kLoopLane];
  bool found = false;
  for (const Segment& s : loop.segments) {
    if (s.state != LaneState::Blocked) continue;
    found = true;
    CHECK(s.start == 0.0);
    CHECK(s.end == 2.0);
    CHECK(segment_label(run->trace(), s) == "time.sleep(2.0)");
  }
  CHECK(found);
  const Lane& worker = model.lanes[model.worker_lane[0]];
  CHECK(states_of(worker) == std::vector<LaneState>{LaneState::Running, LaneState::Waiting,
                                                    LaneState::Running, LaneState::Done});
}

TEST_CASE("the loop lane is idle while the clock jumps to the next timer") {
  const auto run = testing::run_cancellation();
  const TimelineModel model = build_timeline(run->trace());
  bool idle_to_timer = false;
  for (const Segment& s : model.lanes[0].segments)
    if (s.state == LaneState::Waiting && s.start == 0.0 && s.end == 1.0) idle_to_timer = true;
  CHECK(idle_to_timer);
}

TEST_CASE("flows go from what completed to the waiter's next step") {
  const auto run = testing::run_await_task();
  const loop::Trace& trace = run->trace();
  const TimelineModel model = build_timeline(trace);
  // Task-3's sleep timer -> Task-3, Task-3's end -> Task-2, Task-2's end -> Task-1.
  REQUIRE(model.flows.size() == 3);
  for (const Flow& f : model.flows) {
    CHECK(trace[f.to_event].kind == EventKind::StepBegin);
    CHECK(f.from_event < f.to_event);
    CHECK(model.lanes[f.to_lane].id == trace[f.to_event].subject);
  }
  CHECK(trace[model.flows[0].from_event].kind == EventKind::TimerFired);
  CHECK(model.flows[0].from_lane == TimelineModel::kLoopLane);
  CHECK(trace[model.flows[1].from_event].kind == EventKind::TaskDone);
  CHECK(model.flows[1].from_lane == model.task_lane[2]);
  CHECK(model.flows[1].to_lane == model.task_lane[1]);
  CHECK(model.flows[2].to_lane == model.task_lane[0]);
}

TEST_CASE("a worker's end flows to the task that awaited it") {
  const auto run = testing::run_worker_and_blocking_sleep();
  const TimelineModel model = build_timeline(run->trace());
  REQUIRE_FALSE(model.flows.empty());
  CHECK(run->trace()[model.flows[0].from_event].kind == EventKind::WorkerEnd);
  CHECK(model.flows[0].from_lane == model.worker_lane[0]);
  CHECK(model.flows[0].to_lane == model.task_lane[0]);
}

TEST_CASE("visible returns exactly the segments that overlap a time window") {
  const auto run = testing::run_sleep_gather();
  const TimelineModel model = build_timeline(run->trace());
  for (size_t lane = 0; lane < model.lanes.size(); ++lane) {
    for (double t0 : {-1.0, 0.0, 0.5, 1.0, 2.5, 3.0, 9.0}) {
      for (double width : {0.0, 0.25, 1.0, 10.0}) {
        const auto got = model.visible(lane, t0, t0 + width);
        std::vector<const Segment*> expected;
        for (const Segment& s : model.lanes[lane].segments)
          if (s.end >= t0 && s.start <= t0 + width) expected.push_back(&s);
        REQUIRE(got.size() == expected.size());
        for (size_t i = 0; i < got.size(); ++i) REQUIRE(&got[i] == expected[i]);
      }
    }
  }
}

TEST_CASE("folding keeps wide segments exact and merges what is under a pixel") {
  std::vector<Segment> segments;
  segments.push_back({0.0, 10.0, 0, LaneState::Waiting});
  for (int i = 0; i < 100000; ++i) {
    const double t = 10.0 + i * 1e-5;
    segments.push_back({t, t, 1, i == 500 ? LaneState::Failed : LaneState::Running});
  }
  segments.push_back({11.0, 20.0, 2, LaneState::Waiting});
  const TimeScale scale{0.0, 10.0, 100.0};  // 10 px per second
  std::vector<FoldedRect> rects;
  fold_segments(segments, scale, 2.0, [&](const FoldedRect& r) { rects.push_back(r); });
  // 100,000 ticks over 10 px fold into one rectangle per 2 px span.
  REQUIRE(rects.size() >= 3);
  REQUIRE(rects.size() <= 2 + 6);
  CHECK(rects.front().x0 == 100.0);
  CHECK(rects.front().x1 == 200.0);
  CHECK(rects.back().first == 100001);
  CHECK(rects.back().x1 == 300.0);
  size_t folded = 0;
  int failed = 0;
  for (size_t i = 1; i + 1 < rects.size(); ++i) {
    folded += rects[i].count;
    CHECK(rects[i].x1 - rects[i].x0 >= 2.0);
    if (rects[i].state == LaneState::Failed) ++failed;
  }
  CHECK(folded == 100000);
  CHECK(failed == 1);
}

TEST_CASE("a 20,000-segment lane costs the view a bounded number of rectangles at any zoom") {
  TimelineModel model;
  model.lanes.emplace_back();
  std::vector<Segment>& segments = model.lanes[0].segments;
  for (int i = 0; i < 20000; ++i)  // one second each, alternating like a ticking task
    segments.push_back({i * 1.0, i + 1.0, static_cast<uint32_t>(i),
                        i % 2 ? LaneState::Running : LaneState::Waiting});
  constexpr double kWidth = 1200, kMinWidth = 3;
  auto rects_in = [&](double t0, double t1) {
    const auto visible = model.visible(0, t0, t1);
    size_t rects = 0;
    fold_segments(visible, TimeScale{t0, kWidth / (t1 - t0), 0.0}, kMinWidth,
                  [&](const FoldedRect&) { ++rects; });
    return std::pair{visible.size(), rects};
  };
  const auto [all_visible, zoomed_out] = rects_in(0.0, 20000.0);  // 0.06 px per segment
  CHECK(all_visible == 20000);
  CHECK(zoomed_out <= static_cast<size_t>(2 * kWidth / kMinWidth));
  const auto [culled, zoomed_in] = rects_in(10000.5, 10010.5);  // 120 px per segment
  CHECK(culled == 11);  // only what overlaps the window is even looked at
  CHECK(zoomed_in == 11);
}

TEST_CASE("an empty trace has only the loop lane and nothing to draw") {
  const TimelineModel model = build_timeline(testing::empty_trace());
  REQUIRE(model.lanes.size() == 1);
  CHECK(model.lanes[0].segments.empty());
  CHECK(model.flows.empty());
  CHECK(model.end_time == 0.0);
}

}  // namespace
}  // namespace looplab::exporter
