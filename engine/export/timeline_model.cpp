#include "engine/export/timeline_model.hpp"

#include <algorithm>
#include <array>

#include "engine/export/narration.hpp"
#include "engine/export/writers.hpp"

namespace looplab::exporter {

using loop::Event;
using loop::EventKind;
using loop::kNone;
using loop::Trace;
using loop::WaitKind;

namespace {

// [SECTION] Builder state ------------------------------------------------------------

struct OpenSegment {
  double start = 0.0;
  uint32_t event = 0;
  LaneState state = LaneState::Waiting;
  bool open = false;
};

// What a waiting task awaits, and (once TaskWoken says it completed) where from.
struct Wait {
  WaitKind kind = WaitKind::None;
  uint32_t target = kNone;
  uint32_t flow_from_event = kNone;
  uint32_t flow_from_lane = 0;
};

class Builder {
 public:
  explicit Builder(const Trace& trace) : trace_(trace) {
    model_.task_lane.assign(trace.tasks.size(), kNone);
    model_.worker_lane.assign(trace.workers.size(), kNone);
    task_end_.assign(trace.tasks.size(), kNone);
    worker_end_.assign(trace.workers.size(), kNone);
    future_resolved_.assign(trace.futures.size(), kNone);
    timer_fired_.assign(trace.timers.size(), kNone);
    waits_.resize(trace.tasks.size());
    Lane loop;
    loop.name = "event loop";
    model_.lanes.push_back(std::move(loop));
    open_.emplace_back();
  }

  TimelineModel build() {
    for (size_t i = 0; i < trace_.events.size(); ++i) add(static_cast<uint32_t>(i));
    model_.end_time = trace_.events.empty() ? 0.0 : trace_.events.back().time;
    for (uint32_t lane = 0; lane < open_.size(); ++lane) close(lane, model_.end_time);
    return std::move(model_);
  }

 private:
  void add(uint32_t index);
  void add_task_event(uint32_t index, const Event& e);
  void add_worker_event(uint32_t index, const Event& e);
  void add_loop_event(uint32_t index, const Event& e);
  void note_completion(uint32_t index, const Event& e);
  void take_flow_source(uint32_t task, uint32_t completed_by);

  uint32_t task_lane(uint32_t task);
  uint32_t worker_lane(uint32_t worker);
  uint32_t new_lane(LaneKind kind, uint32_t id, std::string name);

  // Moves `lane` into `state` from `time` on (no-op if it is already in it).
  void enter(uint32_t lane, LaneState state, double time, uint32_t event) {
    OpenSegment& seg = open_[lane];
    if (seg.open && seg.state == state) return;
    close(lane, time);
    seg = OpenSegment{time, event, state, true};
  }
  void close(uint32_t lane, double time) {
    OpenSegment& seg = open_[lane];
    if (!seg.open) return;
    model_.lanes[lane].segments.push_back(Segment{seg.start, time, seg.event, seg.state});
    seg.open = false;
  }
  // A task's or worker's end: its last span closes and a zero-length marker follows.
  void finish(uint32_t lane, LaneState state, double time, uint32_t event) {
    close(lane, time);
    model_.lanes[lane].segments.push_back(Segment{time, time, event, state});
  }

  const Trace& trace_;
  TimelineModel model_;
  std::vector<OpenSegment> open_;  // per lane
  std::vector<uint32_t> task_end_, worker_end_, future_resolved_, timer_fired_;
  std::vector<Wait> waits_;  // per task
  bool loop_blocked_ = false;
  double last_time_ = 0.0;
};

// [SECTION] Lanes --------------------------------------------------------------------

uint32_t Builder::new_lane(LaneKind kind, uint32_t id, std::string name) {
  Lane lane;
  lane.kind = kind;
  lane.id = id;
  lane.name = std::move(name);
  model_.lanes.push_back(std::move(lane));
  open_.emplace_back();
  return static_cast<uint32_t>(model_.lanes.size() - 1);
}

uint32_t Builder::task_lane(uint32_t task) {
  if (task >= model_.task_lane.size()) return kNone;
  uint32_t& lane = model_.task_lane[task];
  if (lane == kNone) lane = new_lane(LaneKind::Task, task, task_label_with_coroutine(trace_, task));
  return lane;
}

uint32_t Builder::worker_lane(uint32_t worker) {
  if (worker >= model_.worker_lane.size()) return kNone;
  uint32_t& lane = model_.worker_lane[worker];
  if (lane == kNone) lane = new_lane(LaneKind::Worker, worker, worker_label(trace_, worker));
  return lane;
}

// [SECTION] Events -------------------------------------------------------------------

void Builder::add(uint32_t index) {
  const Event& e = trace_.events[index];
  // Time moving on while the loop ran means it sat in select: show it idle.
  if (e.time > last_time_ && !loop_blocked_ && open_[0].open &&
      open_[0].state == LaneState::Running)
    enter(TimelineModel::kLoopLane, LaneState::Waiting, last_time_, index);
  last_time_ = e.time;
  note_completion(index, e);
  switch (e.kind) {
    case EventKind::TaskCreated:
    case EventKind::TaskScheduled:
    case EventKind::StepBegin:
    case EventKind::StepEnd:
    case EventKind::TaskWoken:
    case EventKind::TaskDone:
    case EventKind::TaskFailed:
    case EventKind::TaskCancelled:
      add_task_event(index, e);
      break;
    case EventKind::WorkerStart:
    case EventKind::WorkerSleep:
    case EventKind::WorkerWake:
    case EventKind::WorkerEnd:
      add_worker_event(index, e);
      break;
    case EventKind::Stdout:
    case EventKind::Stderr: {
      const uint32_t lane = e.subject == kNone ? TimelineModel::kLoopLane : task_lane(e.subject);
      if (lane != kNone) model_.lanes[lane].prints.push_back(Marker{e.time, index});
      break;
    }
    default:
      break;
  }
  add_loop_event(index, e);
}

// Remembers where each awaitable completed, for the flows to its waiters.
void Builder::note_completion(uint32_t index, const Event& e) {
  auto remember = [index](std::vector<uint32_t>& table, uint32_t id) {
    if (id < table.size()) table[id] = index;
  };
  switch (e.kind) {
    case EventKind::TaskDone:
    case EventKind::TaskFailed:
    case EventKind::TaskCancelled:
      remember(task_end_, e.subject);
      break;
    case EventKind::WorkerEnd:
      remember(worker_end_, e.subject);
      break;
    case EventKind::FutureResolved:
      remember(future_resolved_, e.subject);
      break;
    case EventKind::TimerFired:
      remember(timer_fired_, e.subject);
      break;
    default:
      break;
  }
}

void Builder::take_flow_source(uint32_t task, uint32_t completed_by) {
  Wait& w = waits_[task];
  uint32_t from = kNone;
  uint32_t from_lane = TimelineModel::kLoopLane;
  auto lookup = [](const std::vector<uint32_t>& table, uint32_t id) {
    return id < table.size() ? table[id] : kNone;
  };
  switch (w.kind) {
    case WaitKind::Sleep:
      from = lookup(timer_fired_, w.target);
      break;
    case WaitKind::Task:
      from = lookup(task_end_, w.target);
      from_lane = task_lane(w.target);
      break;
    case WaitKind::Worker:
      from = lookup(worker_end_, w.target);
      from_lane = worker_lane(w.target);
      break;
    case WaitKind::None:
    case WaitKind::BareYield:
      break;
    default:
      from = lookup(future_resolved_, w.target);
      if (completed_by != kNone) from_lane = task_lane(completed_by);
      break;
  }
  if (from == kNone || from_lane == kNone) return;
  w.flow_from_event = from;
  w.flow_from_lane = from_lane;
}

void Builder::add_task_event(uint32_t index, const Event& e) {
  const uint32_t lane = task_lane(e.subject);
  if (lane == kNone) return;
  Wait& wait = waits_[e.subject];
  switch (e.kind) {
    case EventKind::TaskCreated:
      break;
    case EventKind::TaskScheduled:
      enter(lane, LaneState::Ready, e.time, index);
      break;
    case EventKind::StepBegin:
      enter(lane, LaneState::Running, e.time, index);
      if (wait.flow_from_event != kNone)
        model_.flows.push_back(Flow{wait.flow_from_event, index, wait.flow_from_lane, lane});
      wait = Wait{};
      break;
    case EventKind::StepEnd: {
      const auto kind = static_cast<WaitKind>(e.a);
      enter(lane, kind == WaitKind::BareYield ? LaneState::Ready : LaneState::Waiting, e.time,
            index);
      wait = Wait{kind, e.b, kNone, 0};
      break;
    }
    case EventKind::TaskWoken:
      take_flow_source(e.subject, e.a);
      break;
    case EventKind::TaskDone:
      finish(lane, LaneState::Done, e.time, index);
      break;
    case EventKind::TaskFailed:
      finish(lane, LaneState::Failed, e.time, index);
      break;
    default:
      finish(lane, LaneState::Cancelled, e.time, index);
      break;
  }
}

void Builder::add_worker_event(uint32_t index, const Event& e) {
  const uint32_t lane = worker_lane(e.subject);
  if (lane == kNone) return;
  switch (e.kind) {
    case EventKind::WorkerStart:
    case EventKind::WorkerWake:
      enter(lane, LaneState::Running, e.time, index);
      break;
    case EventKind::WorkerSleep:
      enter(lane, LaneState::Waiting, e.time, index);
      break;
    default:
      finish(lane, e.c ? LaneState::Failed : LaneState::Done, e.time, index);
      break;
  }
}

// The loop lane: running while it works through callbacks, waiting (idle in select)
// while the clock jumps, blocked during time.sleep on its thread.
void Builder::add_loop_event(uint32_t index, const Event& e) {
  constexpr uint32_t lane = TimelineModel::kLoopLane;
  switch (e.kind) {
    case EventKind::LoopBlockedFrom:
      loop_blocked_ = true;
      enter(lane, LaneState::Blocked, e.time, index);
      break;
    case EventKind::LoopBlockedTo:
      loop_blocked_ = false;
      enter(lane, LaneState::Running, e.time, index);
      break;
    case EventKind::LoopIterationBegin:
      // Each iteration is its own segment, so the GUI can show "iteration 7".
      if (!loop_blocked_) {
        close(lane, e.time);
        enter(lane, LaneState::Running, e.time, index);
      }
      break;
    case EventKind::HandleRun:
    case EventKind::TimerFired:
    case EventKind::StepBegin:
    case EventKind::CallbackRun:
      if (!loop_blocked_) enter(lane, LaneState::Running, e.time, index);
      break;
    default:
      break;
  }
}

}  // namespace

// [SECTION] Model API ----------------------------------------------------------------

TimelineModel build_timeline(const Trace& trace) {
  return Builder(trace).build();
}

std::span<const Segment> TimelineModel::visible(size_t lane, double t0, double t1) const {
  const std::vector<Segment>& segs = lanes[lane].segments;
  const auto first = std::lower_bound(segs.begin(), segs.end(), t0,
                                      [](const Segment& s, double t) { return s.end < t; });
  const auto last = std::upper_bound(first, segs.end(), t1,
                                     [](double t, const Segment& s) { return t < s.start; });
  return {first, last};
}

size_t TimelineModel::memory_bytes() const {
  size_t bytes = sizeof(*this) + lanes.capacity() * sizeof(Lane) + flows.capacity() * sizeof(Flow) +
                 (task_lane.capacity() + worker_lane.capacity()) * sizeof(uint32_t);
  for (const Lane& lane : lanes)
    bytes += lane.name.capacity() + lane.segments.capacity() * sizeof(Segment) +
             lane.prints.capacity() * sizeof(Marker);
  return bytes;
}

std::string segment_label(const Trace& trace, const Segment& segment) {
  const Event& e = trace.events[segment.event];
  std::string out;
  switch (segment.state) {
    case LaneState::Ready:
      return "ready";
    case LaneState::Running:
      if (e.kind != EventKind::LoopIterationBegin) return "running";
      out = "iteration ";
      append_uint(out, e.iteration);
      return out;
    case LaneState::Waiting:
      if (e.kind == EventKind::StepEnd) return wait_label(trace, segment.event);
      if (e.kind != EventKind::WorkerSleep) return "idle";
      out = "time.sleep(";
      append_delay(out, loop::unpack_double(e.a, e.b) - e.time);
      out += ')';
      return out;
    case LaneState::Blocked:
      out = "time.sleep(";
      append_delay(out, loop::unpack_double(e.a, e.b) - e.time);
      out += ')';
      return out;
    case LaneState::Done:
    case LaneState::Failed:
      out = state_name(segment.state);
      out += ": ";
      append_utf8(out, text_of(trace, e.a));
      return out;
    case LaneState::Cancelled:
      return "cancelled";
  }
  return out;
}

// [SECTION] Folding ------------------------------------------------------------------

namespace {

// Ranks states for a fold of zero-length segments (which covers no time to weigh).
int fold_priority(LaneState s) {
  switch (s) {
    case LaneState::Failed:
      return 6;
    case LaneState::Cancelled:
      return 5;
    case LaneState::Blocked:
      return 4;
    case LaneState::Running:
      return 3;
    case LaneState::Ready:
      return 2;
    case LaneState::Done:
      return 1;
    case LaneState::Waiting:
      return 0;
  }
  return 0;
}

// Narrow segments merged into one rectangle, with the time each state covers.
struct Fold {
  FoldedRect rect;
  std::array<double, kLaneStateCount> covered{};
  int top_priority = -1;
  LaneState top_state = LaneState::Waiting;

  void add(const Segment& s) {
    covered[static_cast<size_t>(s.state)] += s.end - s.start;
    if (fold_priority(s.state) > top_priority) {
      top_priority = fold_priority(s.state);
      top_state = s.state;
    }
  }
  // An end (failed, cancelled) or a blocked loop always shows; otherwise the state that
  // covers the most time, so a mostly-waiting lane does not turn green from its ticks.
  FoldedRect result() const {
    FoldedRect r = rect;
    const auto widest = std::max_element(covered.begin(), covered.end());
    if (top_priority >= fold_priority(LaneState::Blocked) || *widest <= 0.0)
      r.state = top_state;
    else
      r.state = static_cast<LaneState>(widest - covered.begin());
    return r;
  }
};

}  // namespace

void fold_segments(std::span<const Segment> segments, const TimeScale& scale, double min_width,
                   const std::function<void(const FoldedRect&)>& emit) {
  Fold pending;
  bool has_pending = false;
  for (size_t i = 0; i < segments.size(); ++i) {
    const Segment& s = segments[i];
    const double x0 = scale.x(s.start);
    const double x1 = scale.x(s.end);
    const auto index = static_cast<uint32_t>(i);
    if (x1 - x0 >= min_width) {
      if (has_pending) emit(pending.result());
      has_pending = false;
      emit(FoldedRect{x0, x1, s.state, index, 1, true});
    } else if (has_pending && x0 < pending.rect.x0 + min_width) {
      ++pending.rect.count;
      pending.rect.x1 = std::max(pending.rect.x1, x1);
      pending.add(s);
    } else {
      if (has_pending) emit(pending.result());
      pending = Fold{};
      pending.rect = FoldedRect{x0, x0 + min_width, s.state, index, 1, false};
      pending.add(s);
      has_pending = true;
    }
  }
  if (has_pending) emit(pending.result());
}

}  // namespace looplab::exporter
