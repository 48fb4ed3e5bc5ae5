#pragma once
// The trace player: owns the current RunResult, the cursor and the play state, and
// answers "what was the state at the cursor". Panels only read it; the App changes it in
// response to input. No ImGui in here, so tests/unit/app/ drives it without a window.
//
// Cursor: the number of trace events applied, 0..size(). The state shown is the state
// after events [0, cursor); "the event at the cursor" is event cursor-1.

#include <cstddef>
#include <memory>
#include <optional>

#include "app/gui/run_analysis.hpp"
#include "app/gui/view_data.hpp"
#include "engine/loop/replay.hpp"
#include "engine/session/session.hpp"

namespace looplab::app {

class ViewModel {
 public:
  ViewModel();

  // [SECTION] The run
  // Takes a finished run. With `keep_time`, the cursor moves to the same virtual time in
  // the new trace (an edit or a parameter change); otherwise to the start.
  void set_result(session::RunResult result, bool keep_time);
  // The same with the analysis already done (on the background thread).
  void set_run(LoadedRun run, bool keep_time);
  const session::RunResult& result() const { return run_.result; }
  const loop::Trace& trace() const { return *run_.result.trace; }
  const exporter::TimelineModel& timeline() const { return run_.timeline; }
  const exporter::TimelineModel& steps_timeline() const { return run_.steps_timeline; }
  const std::vector<ConsoleLine>& console() const { return run_.console; }
  const std::vector<Warning>& warnings() const { return run_.warnings; }
  size_t size() const { return run_.result.trace->size(); }
  bool empty() const { return size() == 0; }
  double end_time() const;

  // [SECTION] Cursor
  size_t cursor() const { return cursor_; }
  void set_cursor(size_t k);
  // The virtual time of the event at the cursor (0 before the first event).
  double cursor_time() const;
  // The event at the cursor, if any.
  const loop::Event* current_event() const;
  std::optional<size_t> current_event_index() const;
  // Moves to the end of the last instant at or before `t`.
  void seek_time(double t);
  void step_forward(Granularity g);
  void step_back(Granularity g);
  void reset() {
    set_cursor(0);
    playing_ = false;
  }
  void run_to_end() {
    set_cursor(size());
    playing_ = false;
  }

  // [SECTION] Play
  bool playing() const { return playing_; }
  void set_playing(bool on);
  // Advances playback by `real_seconds` of wall time at `speed` virtual s per real s.
  // Events sharing one instant are shown one task step at a time (4 per real second at
  // 1x), so a teacher sees the order inside an instant, not just its result.
  void advance(double real_seconds, double speed, Granularity g);
  // The clock shown while playing: moves smoothly between events.
  double display_time() const;

  // [SECTION] State at the cursor (cached; recomputed from the nearest checkpoint)
  const loop::LoopState& state() const;

 private:
  size_t boundary_after(size_t k, Granularity g) const;
  size_t boundary_before(size_t k, Granularity g) const;

  LoadedRun run_;
  std::unique_ptr<loop::Replayer> replayer_;
  size_t cursor_ = 0;
  bool playing_ = false;
  double play_clock_ = 0.0;   // virtual time reached by playback
  double step_credit_ = 0.0;  // fractional steps owed inside an instant
  // The Replayer's own state, valid until its next state_at(): only state() calls it.
  mutable std::optional<size_t> state_at_;
  mutable const loop::LoopState* state_ = nullptr;
};

bool is_boundary(const loop::Event& e, Granularity g);

}  // namespace looplab::app
