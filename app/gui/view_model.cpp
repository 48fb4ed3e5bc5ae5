#include "app/gui/view_model.hpp"

#include <algorithm>

namespace looplab::app {

using loop::Event;
using loop::EventKind;

const char* to_string(Granularity g) {
  switch (g) {
    case Granularity::Line:
      return "next line";
    case Granularity::TaskStep:
      return "next task step";
    case Granularity::Iteration:
      return "next loop iteration";
    case Granularity::Instant:
      return "next instant";
  }
  return "";
}

// Where a step of granularity `g` stops: just after one of these events.
bool is_boundary(const Event& e, Granularity g) {
  switch (g) {
    case Granularity::Line:
      return e.kind == EventKind::Line || e.kind == EventKind::StepBegin ||
             e.kind == EventKind::StepEnd || e.kind == EventKind::TaskDone ||
             e.kind == EventKind::TaskFailed || e.kind == EventKind::TaskCancelled ||
             e.kind == EventKind::CallbackRun;
    case Granularity::TaskStep:
      return e.kind == EventKind::StepBegin || e.kind == EventKind::StepEnd ||
             e.kind == EventKind::TaskDone || e.kind == EventKind::TaskFailed ||
             e.kind == EventKind::TaskCancelled || e.kind == EventKind::CallbackRun ||
             e.kind == EventKind::LoopBlockedFrom || e.kind == EventKind::WorkerEnd;
    case Granularity::Iteration:
      return e.kind == EventKind::LoopIterationBegin;
    case Granularity::Instant:
      return false;  // handled by time, see step_forward
  }
  return false;
}

ViewModel::ViewModel() {
  run_.result.trace = std::make_shared<loop::Trace>();
  replayer_ = std::make_unique<loop::Replayer>(*run_.result.trace);
}

void ViewModel::set_result(session::RunResult result, bool keep_time) {
  set_run(analyse_run(std::move(result)), keep_time);
}

void ViewModel::set_run(LoadedRun run, bool keep_time) {
  const double t = cursor_time();
  const bool at_end = cursor_ > 0 && cursor_ == size();
  run_ = std::move(run);
  replayer_ = std::make_unique<loop::Replayer>(*run_.result.trace);
  state_at_.reset();
  state_ = nullptr;
  cursor_ = 0;
  play_clock_ = 0.0;
  step_credit_ = 0.0;
  if (keep_time && at_end)
    cursor_ = size();
  else if (keep_time)
    seek_time(t);
  else
    playing_ = false;
}

double ViewModel::end_time() const {
  return empty() ? 0.0 : trace().events.back().time;
}

void ViewModel::set_cursor(size_t k) {
  cursor_ = std::min(k, size());
  play_clock_ = cursor_time();
  step_credit_ = 0.0;
}

double ViewModel::cursor_time() const {
  return cursor_ == 0 ? 0.0 : trace()[cursor_ - 1].time;
}

const Event* ViewModel::current_event() const {
  return cursor_ == 0 ? nullptr : &trace()[cursor_ - 1];
}

std::optional<size_t> ViewModel::current_event_index() const {
  if (cursor_ == 0) return std::nullopt;
  return cursor_ - 1;
}

void ViewModel::seek_time(double t) {
  const auto& events = trace().events;
  const auto it = std::upper_bound(events.begin(), events.end(), t,
                                   [](double v, const Event& e) { return v < e.time; });
  set_cursor(static_cast<size_t>(it - events.begin()));
  play_clock_ = std::max(t, cursor_time());
}

size_t ViewModel::boundary_after(size_t k, Granularity g) const {
  const auto& events = trace().events;
  const size_t n = events.size();
  if (k >= n) return n;
  if (g == Granularity::Instant) {
    // To the end of the current instant, or of the next one when already there.
    const double t = events[k].time;
    size_t i = k;
    while (i < n && events[i].time == t) ++i;
    return i;
  }
  for (size_t i = k; i < n; ++i)
    if (is_boundary(events[i], g)) return i + 1;
  return n;
}

size_t ViewModel::boundary_before(size_t k, Granularity g) const {
  const auto& events = trace().events;
  if (k <= 1) return 0;
  if (g == Granularity::Instant) {
    const double t = events[k - 1].time;
    size_t i = k - 1;
    while (i > 0 && events[i - 1].time == t) --i;
    return i;  // the end of the previous instant
  }
  for (size_t i = k - 1; i-- > 0;)
    if (is_boundary(events[i], g)) return i + 1;
  return 0;
}

void ViewModel::step_forward(Granularity g) {
  set_cursor(boundary_after(cursor_, g));
}
void ViewModel::step_back(Granularity g) {
  set_cursor(boundary_before(cursor_, g));
}

void ViewModel::set_playing(bool on) {
  if (on && cursor_ >= size()) set_cursor(0);
  playing_ = on && !empty();
  play_clock_ = cursor_time();
  step_credit_ = 0.0;
}

void ViewModel::advance(double real_seconds, double speed, Granularity g) {
  if (!playing_) return;
  if (cursor_ >= size()) {
    playing_ = false;
    return;
  }
  const auto& events = trace().events;
  const double next_time = events[cursor_].time;
  if (next_time <= play_clock_ + 1e-12) {
    // Inside an instant: show its steps one at a time, never running past the instant.
    constexpr double kStepsPerSecondAt1x = 4.0;
    step_credit_ += real_seconds * kStepsPerSecondAt1x * speed;
    const Granularity within = g == Granularity::Instant ? Granularity::TaskStep : g;
    while (step_credit_ >= 1.0 && cursor_ < size() && events[cursor_].time <= play_clock_ + 1e-12) {
      step_credit_ -= 1.0;
      const size_t stop = boundary_after(cursor_, within);
      size_t i = cursor_;
      while (i < stop && events[i].time <= play_clock_ + 1e-12) ++i;
      cursor_ = i;
    }
    return;
  }
  step_credit_ = 0.0;
  play_clock_ = std::min(next_time, play_clock_ + real_seconds * speed);
}

double ViewModel::display_time() const {
  return std::max(play_clock_, cursor_time());
}

const loop::LoopState& ViewModel::state() const {
  if (state_at_ != cursor_) {
    state_ = &replayer_->state_at(cursor_);
    state_at_ = cursor_;
  }
  return *state_;
}

}  // namespace looplab::app
