// The GUI's trace player (app/gui/view_model.hpp) without a window.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>

#include "app/gui/python_syntax.hpp"
#include "app/gui/run_analysis.hpp"
#include "app/gui/settings.hpp"
#include "app/gui/view_model.hpp"
#include "engine/loop/replay.hpp"
#include "tests/unit/app/trace_fixture.hpp"

namespace {

using looplab::app::Granularity;
using looplab::app::ViewModel;
using looplab::app::testing::FixtureOptions;
using looplab::app::testing::two_sleepers;
using looplab::loop::EventKind;

ViewModel model_of(std::shared_ptr<looplab::loop::Trace> trace) {
  looplab::session::RunResult result;
  result.trace = std::move(trace);
  ViewModel model;
  model.set_result(std::move(result), false);
  return model;
}

}  // namespace

TEST_CASE("the state at every step equals a fresh replay of that many events", "[app]") {
  ViewModel model = model_of(two_sleepers());
  REQUIRE(model.size() > 20);
  for (size_t k = 0; k <= model.size(); ++k) {
    model.set_cursor(k);
    REQUIRE(model.state() == looplab::loop::state_at(model.trace(), k));
  }
}

TEST_CASE("rewinding from the end gives the same state as replaying forward", "[app]") {
  ViewModel model = model_of(two_sleepers());
  model.run_to_end();
  for (size_t k = model.size(); k-- > 0;) {
    model.set_cursor(k);
    REQUIRE(model.state() == looplab::loop::state_at(model.trace(), k));
  }
}

TEST_CASE("each granularity stops just after its kind of event", "[app]") {
  ViewModel model = model_of(two_sleepers());
  const auto& events = model.trace().events;
  SECTION("next loop iteration stops after every LoopIterationBegin, in order") {
    std::vector<size_t> stops;
    for (size_t i = 0; i < events.size(); ++i)
      if (events[i].kind == EventKind::LoopIterationBegin) stops.push_back(i + 1);
    for (size_t stop : stops) {
      model.step_forward(Granularity::Iteration);
      REQUIRE(model.cursor() == stop);
    }
    model.step_forward(Granularity::Iteration);
    REQUIRE(model.cursor() == model.size());
  }
  SECTION("next task step stops when a step begins and when it ends") {
    model.step_forward(Granularity::TaskStep);
    REQUIRE(model.current_event()->kind == EventKind::StepBegin);
    REQUIRE(model.state().current_task == 0);
    model.step_forward(Granularity::TaskStep);
    REQUIRE(model.current_event()->kind == EventKind::StepEnd);
    REQUIRE(model.state().current_task == looplab::loop::kNone);
  }
  SECTION("next line visits every Line event") {
    size_t lines = 0;
    while (model.cursor() < model.size()) {
      model.step_forward(Granularity::Line);
      lines += model.current_event()->kind == EventKind::Line;
    }
    size_t expected = 0;
    for (const auto& e : events) expected += e.kind == EventKind::Line;
    REQUIRE(lines == expected);
  }
  SECTION("next instant moves to the end of each distinct virtual time") {
    model.step_forward(Granularity::Instant);
    REQUIRE(model.cursor_time() == 0.0);
    REQUIRE(events[model.cursor()].time == 1.0);
    model.step_forward(Granularity::Instant);
    REQUIRE(model.cursor_time() == 1.0);
    REQUIRE(events[model.cursor()].time == 2.0);
    model.step_back(Granularity::Instant);
    REQUIRE(model.cursor_time() == 0.0);
    REQUIRE(events[model.cursor()].time == 1.0);
  }
}

TEST_CASE("stepping back retraces the stops of stepping forward", "[app]") {
  for (Granularity g : {Granularity::Line, Granularity::TaskStep, Granularity::Iteration}) {
    ViewModel model = model_of(two_sleepers());
    std::vector<size_t> forward{0};
    while (model.cursor() < model.size()) {
      model.step_forward(g);
      forward.push_back(model.cursor());
    }
    forward.pop_back();  // the end is not a boundary stop when the trace ends elsewhere
    for (size_t i = forward.size(); i-- > 0;) {
      model.step_back(g);
      REQUIRE(model.cursor() == forward[i]);
    }
  }
}

TEST_CASE("a re-run after an edit keeps the cursor at the same virtual time", "[app]") {
  ViewModel model = model_of(two_sleepers({1.0, 2.0, 0.0}));
  model.seek_time(1.0);
  REQUIRE(model.cursor_time() == 1.0);
  looplab::session::RunResult edited;
  edited.trace = two_sleepers({1.0, 3.0, 0.0});
  model.set_result(std::move(edited), true);
  REQUIRE(model.cursor_time() == 1.0);
  REQUIRE(model.state().tasks[1].phase == looplab::loop::TaskPhase::Done);
  REQUIRE(model.state().tasks[2].phase == looplab::loop::TaskPhase::Waiting);
}

TEST_CASE("a re-run keeps a cursor at the end at the end", "[app]") {
  ViewModel model = model_of(two_sleepers());
  model.run_to_end();
  looplab::session::RunResult edited;
  edited.trace = two_sleepers({0.5, 4.0, 0.0});
  model.set_result(std::move(edited), true);
  REQUIRE(model.cursor() == model.size());
}

TEST_CASE("playing shows an instant's steps one by one, then moves the clock at the set speed",
          "[app]") {
  ViewModel model = model_of(two_sleepers());
  model.set_playing(true);
  model.advance(0.25, 1.0, Granularity::TaskStep);  // one step at 4 steps per second
  REQUIRE(model.cursor() > 0);
  REQUIRE(model.current_event()->kind == EventKind::StepBegin);
  for (int i = 0; i < 100 && model.cursor_time() == 0.0; ++i)
    model.advance(0.25, 1.0, Granularity::TaskStep);
  REQUIRE(model.display_time() <= 1.0);
  model.advance(0.5, 1.0, Granularity::TaskStep);
  REQUIRE(model.display_time() == Approx(0.5).margin(0.5));
  for (int i = 0; i < 1000 && model.playing(); ++i) model.advance(0.1, 10.0, Granularity::TaskStep);
  REQUIRE(model.cursor() == model.size());
  REQUIRE_FALSE(model.playing());
}

TEST_CASE("a blocking call on the loop is a warning naming the tasks it starved", "[app]") {
  const auto trace = two_sleepers({1.0, 2.0, 1.5});
  const auto warnings = looplab::app::find_warnings(*trace);
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].kind == looplab::app::WarningKind::LoopBlocked);
  CHECK(trace->events[warnings[0].event].kind == EventKind::LoopBlockedFrom);
  CHECK(warnings[0].detail.find("Task-3") != std::string::npos);
  CHECK(looplab::app::find_warnings(*two_sleepers()).empty());
}

TEST_CASE("console lines carry the virtual time their newline was written", "[app]") {
  const auto lines = looplab::app::console_lines(*two_sleepers());
  REQUIRE(lines.size() == 5);
  CHECK(lines[0].text == "a starts");
  CHECK(lines[2].text == "a done");
  CHECK(lines[2].time == 1.0);
  CHECK(lines[4].text == "all done");
  CHECK(lines[4].time == 2.0);
}

TEST_CASE("the steps timeline gives a task's zero-duration steps a width", "[app]") {
  const auto trace = two_sleepers();
  const auto timeline = looplab::exporter::build_timeline(*trace);
  const auto steps = looplab::app::steps_timeline(timeline, *trace);
  REQUIRE(steps.lanes.size() == timeline.lanes.size());
  size_t running = 0;
  for (size_t i = 0; i < steps.lanes.size(); ++i) {
    const auto& lane = steps.lanes[i];
    for (size_t j = 0; j < lane.segments.size(); ++j) {
      const auto& s = lane.segments[j];
      CHECK(s.end >= s.start);
      if (j) CHECK(s.start >= lane.segments[j - 1].end);
      if (lane.kind != looplab::exporter::LaneKind::Task ||
          s.state != looplab::exporter::LaneState::Running)
        continue;
      const auto& timed = timeline.lanes[i].segments[j];
      CHECK(timed.end == timed.start);  // no virtual time passes in a step...
      CHECK(s.end - s.start >= 1);      // ...but it takes at least one step
      ++running;
    }
  }
  CHECK(running == 6);
}

TEST_CASE("settings and autosaved code survive a restart", "[app]") {
  const auto dir = std::filesystem::temp_directory_path() / "looplab_settings_test";
  std::filesystem::remove_all(dir);
  setenv("XDG_CONFIG_HOME", dir.c_str(), 1);
  looplab::app::ViewData view;
  view.dark = true;
  view.font_scale = 2.5f;
  view.granularity = Granularity::Line;
  view.recent_files = {"/tmp/a.py"};
  std::string error;
  REQUIRE(looplab::app::save_view_data(view, &error));
  const looplab::app::ViewData loaded = looplab::app::load_view_data();
  CHECK(loaded.dark);
  CHECK(loaded.font_scale == 2.5f);
  CHECK(loaded.granularity == Granularity::Line);
  CHECK(loaded.recent_files == view.recent_files);
  REQUIRE(looplab::app::save_autosave("restaurant", "print('edited')\n", &error));
  CHECK(looplab::app::load_autosave("restaurant") ==
        std::optional<std::string>("print('edited')\n"));
  looplab::app::remove_autosave("restaurant");
  CHECK_FALSE(looplab::app::load_autosave("restaurant"));
  unsetenv("XDG_CONFIG_HOME");
  std::filesystem::remove_all(dir);
}

TEST_CASE("source colouring finds keywords, strings and comments, across lines for docstrings",
          "[app]") {
  const auto lines = looplab::app::highlight_python(
      "\"\"\"Title\nmore\"\"\"\nasync def f():  # hi\n    x = 'a'\n");
  REQUIRE(lines.size() == 5);
  REQUIRE(lines[1].spans.size() == 1);
  CHECK(lines[1].spans[0].kind == looplab::app::TokenKind::String);
  const auto& def_line = lines[2].spans;
  REQUIRE(def_line.size() == 4);
  CHECK(def_line[0].kind == looplab::app::TokenKind::Keyword);     // async
  CHECK(def_line[1].kind == looplab::app::TokenKind::Keyword);     // def
  CHECK(def_line[2].kind == looplab::app::TokenKind::Definition);  // f
  CHECK(def_line[3].kind == looplab::app::TokenKind::Comment);
  CHECK(lines[3].spans.back().kind == looplab::app::TokenKind::String);
}
