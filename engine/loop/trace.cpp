#include "engine/loop/trace.hpp"

#include <new>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace looplab::loop {

void* allocate_chunk_block(size_t bytes, size_t& alignment) {
  alignment = bytes >= kChunkBlockBytes ? kChunkBlockBytes : 64;
  void* block = ::operator new(bytes, std::align_val_t{alignment});
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  // A hint only: without transparent huge pages it fails and nothing changes.
  if (alignment == kChunkBlockBytes) madvise(block, bytes, MADV_HUGEPAGE);
#endif
  return block;
}

void free_chunk_block(void* block, size_t bytes, size_t alignment) noexcept {
  ::operator delete(block, bytes, std::align_val_t{alignment});
}

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

void Trace::shrink_to_fit() {
  tasks.shrink_to_fit();
  workers.shrink_to_fit();
  futures.shrink_to_fit();
}

size_t Trace::memory_bytes() const {
  return events.memory_bytes() + strings.memory_bytes() + tasks.capacity() * sizeof(TaskInfo) +
         workers.capacity() * sizeof(WorkerInfo) + timers.memory_bytes() + futures.capacity() * sizeof(FutureInfo);
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
