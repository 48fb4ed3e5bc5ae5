#include "engine/loop/replay.hpp"

#include <algorithm>

namespace looplab::loop {

namespace {

TaskState& task_of(LoopState& s, uint32_t id) {
  if (s.tasks.size() <= id) s.tasks.resize(id + 1);
  return s.tasks[id];
}

WorkerState& worker_of(LoopState& s, uint32_t id) {
  if (s.workers.size() <= id) s.workers.resize(id + 1);
  return s.workers[id];
}

void pop_ready(LoopState& s, uint32_t handle) {
  if (!s.ready.empty() && s.ready.front().handle == handle) {
    s.ready.pop_front();
    return;
  }
  auto it = std::find_if(s.ready.begin(), s.ready.end(), [&](const ReadyEntry& r) { return r.handle == handle; });
  if (it != s.ready.end()) s.ready.erase(it);
}

TimerEntry timer_entry(const Trace& tr, uint32_t timer) {
  const TimerInfo& t = tr.timers[timer];
  return {t.when, t.seq, timer, t.task, t.description};
}

void end_task(LoopState& s, const Event& e, TaskPhase phase) {
  TaskState& t = task_of(s, e.subject);
  t.phase = phase;
  t.outcome = e.a;
  s.current_task = kNone;
}

void apply_task_event(LoopState& s, const Trace& tr, const Event& e) {
  switch (e.kind) {
    case EventKind::TaskCreated: task_of(s, e.subject).name = e.a; break;
    case EventKind::TaskRenamed: task_of(s, e.subject).name = e.a; break;
    case EventKind::TaskScheduled: {
      TaskState& t = task_of(s, e.subject);
      if (t.phase != TaskPhase::NotStarted) t.phase = TaskPhase::Ready;
      s.ready.push_back({e.a, e.subject, static_cast<HandleRole>(e.c), 0, false});
      break;
    }
    case EventKind::StepBegin: {
      TaskState& t = task_of(s, e.subject);
      t.phase = TaskPhase::Running;
      t.wait = WaitKind::None;
      t.target = kNone;
      t.wake_time = -1.0;
      s.current_task = e.subject;
      break;
    }
    case EventKind::StepEnd: {
      TaskState& t = task_of(s, e.subject);
      t.phase = TaskPhase::Waiting;
      t.wait = static_cast<WaitKind>(e.a);
      t.target = e.b;
      t.wake_time = t.wait == WaitKind::Sleep && e.b != kNone ? tr.timers[e.b].when : -1.0;
      s.current_task = kNone;
      break;
    }
    case EventKind::TaskDone: end_task(s, e, TaskPhase::Done); break;
    case EventKind::TaskFailed: end_task(s, e, TaskPhase::Failed); break;
    case EventKind::TaskCancelled: end_task(s, e, TaskPhase::Cancelled); break;
    case EventKind::Line:
      if (e.c == 0) task_of(s, e.subject).line = e.a;
      break;
    default: break;
  }
}

}  // namespace

void apply_next(LoopState& s, const Trace& tr) {
  const Event& e = tr.events[s.step++];
  s.time = e.time;
  s.iteration = e.iteration;
  switch (e.kind) {
    case EventKind::HandleQueued:
      s.ready.push_back({e.subject, e.b, static_cast<HandleRole>(e.c), e.a, false});
      break;
    case EventKind::HandleRun: pop_ready(s, e.subject); break;
    case EventKind::HandleCancelled:
      for (ReadyEntry& r : s.ready)
        if (r.handle == e.subject) r.cancelled = true;
      break;
    case EventKind::TimerScheduled: s.timers.insert(timer_entry(tr, e.subject)); break;
    case EventKind::TimerFired: {
      const TimerEntry t = timer_entry(tr, e.subject);
      s.timers.erase(t);
      s.ready.push_back({e.a, t.task, HandleRole::Callback, t.description, false});
      break;
    }
    case EventKind::TimerCancelled: s.timers.erase(timer_entry(tr, e.subject)); break;
    case EventKind::WorkerStart: worker_of(s, e.subject).phase = WorkerPhase::Running; break;
    case EventKind::WorkerSleep: {
      WorkerState& w = worker_of(s, e.subject);
      w.phase = WorkerPhase::Sleeping;
      w.wake = unpack_double(e.a, e.b);
      break;
    }
    case EventKind::WorkerWake: worker_of(s, e.subject).phase = WorkerPhase::Running; break;
    case EventKind::WorkerEnd: worker_of(s, e.subject).phase = WorkerPhase::Finished; break;
    case EventKind::LoopBlockedFrom: s.loop_blocked = true; break;
    case EventKind::LoopBlockedTo: s.loop_blocked = false; break;
    case EventKind::Stdout: s.stdout_bytes += tr.str(e.a).size(); break;
    default: apply_task_event(s, tr, e); break;
  }
}

std::string describe(const Trace& trace, const ReadyEntry& entry) {
  switch (entry.role) {
    case HandleRole::Step: return std::string(trace.task_name(entry.task)) + ".step";
    case HandleRole::Wakeup: return std::string(trace.task_name(entry.task)) + ".wakeup";
    case HandleRole::Callback: break;
  }
  return std::string(trace.str(entry.description));
}

Replayer::Replayer(const Trace& trace, size_t interval)
    : trace_(&trace), interval_(interval == 0 ? 1 : interval) {
  checkpoints_.emplace_back();
}

const LoopState& Replayer::state_at(size_t k) {
  k = std::min(k, trace_->size());
  const size_t wanted = k / interval_;
  while (checkpoints_.size() <= wanted) {
    LoopState next = checkpoints_.back();
    const size_t end = checkpoints_.size() * interval_;
    while (next.step < end) apply_next(next, *trace_);
    checkpoints_.push_back(std::move(next));
  }
  if (current_.step > k || current_.step < wanted * interval_) current_ = checkpoints_[wanted];
  while (current_.step < k) apply_next(current_, *trace_);
  return current_;
}

LoopState state_at(const Trace& trace, size_t k) {
  Replayer r(trace);
  return r.state_at(k);
}

}  // namespace looplab::loop
