// The GUI's trace player on real traces: native C++ coroutines run on engine/loop (the
// same loop the Python VM drives), recorded, then played back by the ViewModel.
#include <catch2/catch.hpp>

#include <vector>

#include "app/gui/run_analysis.hpp"
#include "app/gui/view_model.hpp"
#include "tests/unit/loop/loop_support.hpp"

namespace looplab::loop::testing {
namespace {

using app::Granularity;

Co diner(Fixture& f, int i, double cook) {
  f.print("greet " + std::to_string(i));
  co_await sleep(f.rt, 0.5 * i);
  if (i == 2) f.rt.blocking_sleep(1.0);  // the loop is blocked: a warning
  f.print("cook " + std::to_string(i));
  co_await sleep(f.rt, cook);
  f.print("served " + std::to_string(i));
  co_return box(i);
}

Co restaurant(Fixture& f, double cook) {
  co_await gather(f.loop(), values(diner(f, 1, cook), diner(f, 2, cook), diner(f, 3, cook)));
  f.print("closed");
  co_return nullptr;
}

// One run, with the live state after every event (what the trace must replay to).
struct Recorded {
  std::shared_ptr<Trace> trace;
  std::vector<LoopState> live;  // live[k] = state after k events
};

Recorded record(double cook) {
  Fixture f;
  Recorded r;
  r.live.emplace_back();
  f.rt.after_record = [&](size_t) { r.live.push_back(f.rt.snapshot()); };
  const Outcome out = f.run(restaurant(f, cook));
  f.rt.after_record = nullptr;
  REQUIRE(out.exit_status == 0);
  r.trace = std::make_shared<Trace>(f.rt.trace());
  return r;
}

app::ViewModel player(std::shared_ptr<Trace> trace) {
  session::RunResult result;
  result.trace = std::move(trace);
  app::ViewModel model;
  model.set_result(std::move(result), false);
  return model;
}

}  // namespace

TEST_CASE("stepping a native run shows the live state at every stop, forward and back", "[app]") {
  const Recorded run = record(3.0);
  app::ViewModel model = player(run.trace);
  for (Granularity g :
       {Granularity::Line, Granularity::TaskStep, Granularity::Iteration, Granularity::Instant}) {
    model.reset();
    std::vector<size_t> stops;
    while (model.cursor() < model.size()) {
      model.step_forward(g);
      stops.push_back(model.cursor());
      REQUIRE(model.state().tasks == run.live[model.cursor()].tasks);
      REQUIRE(model.state().ready == run.live[model.cursor()].ready);
      REQUIRE(model.state().timers == run.live[model.cursor()].timers);
    }
    for (size_t i = stops.size(); i-- > 0;) {
      model.set_cursor(stops[i]);
      REQUIRE(model.state().tasks == run.live[stops[i]].tasks);
    }
  }
}

TEST_CASE("a parameter change re-runs and the cursor stays at the same virtual time", "[app]") {
  app::ViewModel model = player(record(3.0).trace);
  model.seek_time(2.0);
  const double before = model.cursor_time();
  REQUIRE(before > 0.0);
  REQUIRE(before <= 2.0);
  session::RunResult faster;
  faster.trace = record(1.0).trace;
  model.set_result(std::move(faster), true);
  CHECK(model.cursor_time() <= 2.0);
  CHECK(model.cursor_time() >= before - 1e-9);
  CHECK(model.end_time() < 5.0);
}

TEST_CASE("a native run's blocking sleep is reported once, with the tasks it starved", "[app]") {
  const Recorded run = record(3.0);
  const auto warnings = app::find_warnings(*run.trace);
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].kind == app::WarningKind::LoopBlocked);
  CHECK(warnings[0].title.find("1.000 s") != std::string::npos);
  const auto console = app::console_lines(*run.trace);
  REQUIRE_FALSE(console.empty());
  CHECK(console.back().text == "closed");
}

}  // namespace looplab::loop::testing
