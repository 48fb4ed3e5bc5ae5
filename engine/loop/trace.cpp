#include "engine/loop/trace.hpp"

namespace looplab::loop {

StringTable::StringTable() { intern(""); }

StringId StringTable::intern(std::string_view s) {
  if (auto it = index_.find(s); it != index_.end()) return it->second;
  const auto id = static_cast<StringId>(strings_.size());
  strings_.emplace_back(s);
  chars_ += s.size();
  index_.emplace(strings_.back(), id);
  return id;
}

size_t StringTable::memory_bytes() const {
  // string header + hash node (key view, id, next pointer, cached hash) + characters.
  return strings_.size() * (sizeof(std::string) + 48) + chars_;
}

uint32_t Trace::add(EventKind kind, double time, uint32_t iteration, uint32_t subject,
                    uint32_t a, uint32_t b, uint8_t c, uint16_t d) {
  // Grow by half, not double: a long run's trace is most of the process's memory.
  if (events.size() == events.capacity()) events.reserve(events.capacity() + events.capacity() / 2 + 1024);
  events.push_back(Event{time, iteration, subject, a, b, kind, c, d});
  return static_cast<uint32_t>(events.size() - 1);
}

size_t Trace::memory_bytes() const {
  return events.capacity() * sizeof(Event) + strings.memory_bytes() +
         tasks.capacity() * sizeof(TaskInfo) + workers.capacity() * sizeof(WorkerInfo) +
         timers.capacity() * sizeof(TimerInfo) + futures.capacity() * sizeof(FutureInfo);
}

const char* to_string(EventKind k) {
  static const char* const names[] = {
      "TaskCreated",     "TaskScheduled",    "StepBegin",      "StepEnd",
      "TaskWoken",       "TaskDone",         "TaskFailed",     "TaskCancelled",
      "HandleQueued",    "HandleRun",        "HandleCancelled", "TimerScheduled",
      "TimerFired",      "TimerCancelled",   "FutureCreated",  "FutureResolved",
      "CallbackRun",     "WorkerStart",      "WorkerSleep",    "WorkerWake",
      "WorkerEnd",       "LoopBlockedFrom",  "LoopBlockedTo",  "LoopIterationBegin",
      "Line",            "Stdout",           "Stderr",         "RunEnd",
      "TaskCancelRequested", "TaskRenamed",
  };
  static_assert(sizeof(names) / sizeof(names[0]) ==
                static_cast<size_t>(EventKind::TaskRenamed) + 1);
  return names[static_cast<size_t>(k)];
}

const char* to_string(WaitKind k) {
  static const char* const names[] = {
      "none", "sleep", "task",      "future", "gather", "lock",   "event",
      "condition", "semaphore", "queue", "worker", "timeout", "other", "yield",
  };
  static_assert(sizeof(names) / sizeof(names[0]) ==
                static_cast<size_t>(WaitKind::BareYield) + 1);
  return names[static_cast<size_t>(k)];
}

}  // namespace looplab::loop
