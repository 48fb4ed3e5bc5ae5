#pragma once
// "State at step k": the loop's state after the first k trace events, rebuilt from the
// trace alone (the GUI's player). A Replayer keeps a checkpoint every `interval`
// events, built lazily, so any k costs at most `interval` event applications: stepping
// backward is as cheap as stepping forward.
//
// Runtime::snapshot() produces the same struct from the live objects; tests compare
// the two at random steps.

#include <cstdint>
#include <deque>
#include <set>
#include <string>
#include <vector>

#include "engine/loop/trace.hpp"

namespace looplab::loop {

enum class TaskPhase : uint8_t { NotStarted, Ready, Running, Waiting, Done, Failed, Cancelled };
enum class WorkerPhase : uint8_t { Running, Sleeping, Finished };

struct TaskState {
  TaskPhase phase = TaskPhase::NotStarted;
  WaitKind wait = WaitKind::None;  // what the last step ended awaiting (until the next step)
  uint32_t target = kNone;         // StepEnd.b
  double wake_time = -1.0;         // Sleep: the timer's `when`; else -1
  uint32_t line = 0;
  StringId name = 0;
  StringId outcome = 0;  // repr(result), "Type: message" or the cancel message
  bool operator==(const TaskState&) const = default;
};

struct ReadyEntry {
  uint32_t handle = kNone;
  uint32_t task = kNone;  // the task it steps/wakes, or the task that queued a callback
  HandleRole role = HandleRole::Callback;
  StringId description = 0;  // 0 for a task's step/wakeup (see describe())
  bool cancelled = false;
  bool operator==(const ReadyEntry&) const = default;
};

struct TimerEntry {
  double when = 0.0;
  uint64_t seq = 0;
  uint32_t timer = kNone;
  uint32_t task = kNone;
  StringId description = 0;
  bool operator==(const TimerEntry&) const = default;
  bool operator<(const TimerEntry& o) const { return when != o.when ? when < o.when : seq < o.seq; }
};

struct WorkerState {
  WorkerPhase phase = WorkerPhase::Running;
  double wake = -1.0;  // last time.sleep wake-up
  bool operator==(const WorkerState&) const = default;
};

struct LoopState {
  size_t step = 0;  // events applied
  double time = 0.0;
  uint32_t iteration = 0;
  uint32_t current_task = kNone;
  std::vector<TaskState> tasks;     // by task id
  std::deque<ReadyEntry> ready;     // FIFO order
  std::set<TimerEntry> timers;      // the heap's live timers, by (when, seq)
  std::vector<WorkerState> workers; // by worker id
  bool loop_blocked = false;
  uint64_t stdout_bytes = 0;
  bool operator==(const LoopState&) const = default;
};

// Applies event `trace[state.step]` and advances `step`.
void apply_next(LoopState& state, const Trace& trace);
// "Task-3.step", "Task-3.wakeup" or the callback's description.
std::string describe(const Trace& trace, const ReadyEntry& entry);

class Replayer {
 public:
  explicit Replayer(const Trace& trace, size_t interval = 4096);
  // The state after the first k events (k <= trace.size()).
  const LoopState& state_at(size_t k);

 private:
  const Trace* trace_;
  size_t interval_;
  std::vector<LoopState> checkpoints_;  // checkpoints_[i] is the state at i * interval_
  LoopState current_;
};

// One-off reconstruction (builds a Replayer; keep one around to step repeatedly).
LoopState state_at(const Trace& trace, size_t k);

}  // namespace looplab::loop
