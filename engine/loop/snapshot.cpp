// Runtime::snapshot: the live objects' state in replay.hpp's LoopState form. It must
// agree field by field with what replay rebuilds from the trace alone.

#include "engine/loop/base_events.hpp"
#include "engine/loop/executor.hpp"
#include "engine/loop/replay.hpp"
#include "engine/loop/runtime.hpp"
#include "engine/loop/tasks.hpp"

namespace looplab::loop {

namespace {

TaskPhase live_phase(const Task& t) {
  if (t.cancelled()) return TaskPhase::Cancelled;
  if (t.done()) return t.stored_exception() ? TaskPhase::Failed : TaskPhase::Done;
  if (t.in_step()) return TaskPhase::Running;
  if (!t.started()) return TaskPhase::NotStarted;
  return t.queued() ? TaskPhase::Ready : TaskPhase::Waiting;
}

}  // namespace

TaskState live_task_state(const Task& t, const Runtime& rt) {
  const Trace& tr = rt.trace();
  TaskState s;
  s.phase = live_phase(t);
  s.wait = t.waiting_kind();
  s.target = t.waiting_target();
  s.wake_time = s.wait == WaitKind::Sleep && s.target != kNone ? tr.timers[s.target].when : -1.0;
  s.line = static_cast<uint32_t>(t.line());
  s.name = tr.tasks[t.id()].name;
  s.outcome = t.outcome_text();
  return s;
}

LoopState Runtime::snapshot() const {
  LoopState s;
  s.step = trace_.size();
  s.time = now_;
  s.iteration = iteration_;
  s.current_task = current_task_ && current_task_->in_step() ? current_task_->id() : kNone;
  s.tasks = final_task_states_;
  s.tasks.resize(tasks_.size());
  for (size_t i = 0; i < tasks_.size(); ++i)
    if (tasks_[i]) s.tasks[i] = live_task_state(*tasks_[i], *this);
  for (const EventLoop* loop : loops_) {
    if (!loop) continue;
    for (const Ref<Handle>& h : loop->ready()) {
      const bool task_handle = h->role() != HandleRole::Callback;
      s.ready.push_back({h->id(), h->task(), h->role(), task_handle ? 0 : h->trace_description, h->cancelled()});
    }
    for (const ScheduledTimer& slot : loop->scheduled()) {
      const Ref<TimerHandle>& h = slot.handle;
      if (h->cancelled()) continue;
      const TimerInfo& t = trace_.timers[h->timer_id()];
      s.timers.insert({t.when, t.seq, h->timer_id(), t.task, t.description});
    }
  }
  for (const auto& w : workers_) {
    const WorkerPhase phase = w->phase == Worker::Phase::Finished   ? WorkerPhase::Finished
                              : w->phase == Worker::Phase::Sleeping ? WorkerPhase::Sleeping
                                                                    : WorkerPhase::Running;
    s.workers.push_back({phase, w->wake});
  }
  s.loop_blocked = loop_blocked_;
  s.stdout_bytes = stdout_.size();
  return s;
}

}  // namespace looplab::loop
