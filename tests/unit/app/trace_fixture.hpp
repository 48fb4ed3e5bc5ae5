#pragma once
// A small, valid trace written event by event, as engine/loop records one: Task-1 starts
// two children that each print, sleep and print again; Task-1 gathers them. Optionally
// the first child blocks the loop with time.sleep. Times are parameters so a test can
// "edit" the program and compare runs.

#include <memory>
#include <string>

#include "engine/loop/trace.hpp"

namespace looplab::app::testing {

struct FixtureOptions {
  double first_sleep = 1.0;
  double second_sleep = 2.0;
  double block = 0.0;  // > 0: the first child calls time.sleep(block) before sleeping
};

class TraceWriter {
 public:
  loop::Trace trace;
  double now = 0.0;
  uint32_t iteration = 0;
  uint32_t handles = 0;

  uint32_t add(loop::EventKind k, uint32_t subject, uint32_t a = 0, uint32_t b = 0, uint8_t c = 0) {
    return trace.add(k, now, iteration, subject, a, b, c);
  }
  void create_task(uint32_t id, const char* name, uint32_t parent, uint32_t* handle) {
    loop::TaskInfo info;
    info.name = trace.strings.intern(name);
    info.qualname = trace.strings.intern("coro");
    info.parent = parent;
    info.created_at = static_cast<uint32_t>(trace.size());
    trace.tasks.push_back(info);
    add(loop::EventKind::TaskCreated, id, info.name, parent);
    *handle = handles++;
    add(loop::EventKind::TaskScheduled, id, *handle, 0,
        static_cast<uint8_t>(loop::HandleRole::Step));
  }
  void iteration_begin(uint32_t ready) {
    ++iteration;
    add(loop::EventKind::LoopIterationBegin, 0, ready);
  }
  void print(uint32_t task, const std::string& text) {
    add(loop::EventKind::Stdout, task, trace.strings.intern(text));
  }
  uint32_t sleep(uint32_t task, double delay) {
    loop::TimerInfo timer;
    timer.when = now + delay;
    timer.seq = trace.timers.size();
    timer.handle = handles++;
    timer.task = task;
    timer.description = trace.strings.intern("sleep");
    const auto id = static_cast<uint32_t>(trace.timers.size());
    trace.timers.push_back(timer);
    add(loop::EventKind::TimerScheduled, id, task);
    add(loop::EventKind::StepEnd, task, static_cast<uint32_t>(loop::WaitKind::Sleep), id);
    return id;
  }
};

// Wakes `task` from `timer` at the timer's time: fire, run the callback, then the step.
inline void wake_and_finish(TraceWriter& w, uint32_t task, uint32_t timer,
                            const std::string& text) {
  using loop::EventKind;
  w.now = w.trace.timers[timer].when;
  w.add(EventKind::TimerFired, timer, w.trace.timers[timer].handle);
  w.iteration_begin(1);
  w.add(EventKind::HandleRun, w.trace.timers[timer].handle);
  w.add(EventKind::TaskWoken, task, loop::kNone, static_cast<uint32_t>(loop::WaitKind::Sleep));
  const uint32_t h = w.handles++;
  w.add(EventKind::TaskScheduled, task, h, 0, static_cast<uint8_t>(loop::HandleRole::Wakeup));
  w.iteration_begin(1);
  w.add(EventKind::HandleRun, h);
  w.add(EventKind::StepBegin, task, h);
  w.add(EventKind::Line, task, 4);
  w.print(task, text);
  w.add(EventKind::TaskDone, task, w.trace.strings.intern("None"));
}

inline std::shared_ptr<loop::Trace> two_sleepers(const FixtureOptions& o = {}) {
  using loop::EventKind;
  TraceWriter w;
  uint32_t h_main = 0, h_a = 0, h_b = 0;
  w.create_task(0, "Task-1", loop::kNone, &h_main);
  w.iteration_begin(1);
  w.add(EventKind::HandleRun, h_main);
  w.add(EventKind::StepBegin, 0, h_main);
  w.add(EventKind::Line, 0, 10);
  w.create_task(1, "Task-2", 0, &h_a);
  w.create_task(2, "Task-3", 0, &h_b);
  w.add(EventKind::Line, 0, 11);
  loop::FutureInfo gather;
  gather.description = w.trace.strings.intern("gather");
  gather.creator = 0;
  w.trace.futures.push_back(gather);
  w.add(EventKind::FutureCreated, 0);
  w.add(EventKind::StepEnd, 0, static_cast<uint32_t>(loop::WaitKind::Gather), 0);

  w.iteration_begin(2);
  w.add(EventKind::HandleRun, h_a);
  w.add(EventKind::StepBegin, 1, h_a);
  w.add(EventKind::Line, 1, 2);
  w.print(1, "a starts\n");
  if (o.block > 0) {
    uint32_t lo = 0, hi = 0;
    loop::pack_double(w.now + o.block, lo, hi);
    w.add(EventKind::Line, 1, 3);
    w.add(EventKind::LoopBlockedFrom, 1, lo, hi);
    w.now += o.block;
    w.add(EventKind::LoopBlockedTo, 1);
  }
  const uint32_t t_a = w.sleep(1, o.first_sleep);
  w.add(EventKind::HandleRun, h_b);
  w.add(EventKind::StepBegin, 2, h_b);
  w.add(EventKind::Line, 2, 2);
  w.print(2, "b starts\n");
  const uint32_t t_b = w.sleep(2, o.second_sleep);

  const bool a_first = w.trace.timers[t_a].when <= w.trace.timers[t_b].when;
  wake_and_finish(w, a_first ? 1 : 2, a_first ? t_a : t_b, a_first ? "a done\n" : "b done\n");
  wake_and_finish(w, a_first ? 2 : 1, a_first ? t_b : t_a, a_first ? "b done\n" : "a done\n");

  w.add(EventKind::FutureResolved, 0, 2, static_cast<uint8_t>(loop::FutureOutcome::Result));
  w.add(EventKind::TaskWoken, 0, 2, static_cast<uint32_t>(loop::WaitKind::Gather));
  const uint32_t h = w.handles++;
  w.add(EventKind::TaskScheduled, 0, h, 0, static_cast<uint8_t>(loop::HandleRole::Wakeup));
  w.iteration_begin(1);
  w.add(EventKind::HandleRun, h);
  w.add(EventKind::StepBegin, 0, h);
  w.add(EventKind::Line, 0, 12);
  w.print(0, "all done\n");
  w.add(EventKind::TaskDone, 0, w.trace.strings.intern("None"));
  w.add(EventKind::RunEnd, 0, 0, 0);
  w.trace.finished = true;
  return std::make_shared<loop::Trace>(std::move(w.trace));
}

}  // namespace looplab::app::testing
