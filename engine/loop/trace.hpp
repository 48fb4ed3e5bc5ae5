#pragma once
// The Trace: the single record of a run, written by engine/loop, read by the GUI,
// session (state at step k, see replay.hpp) and every exporter.
//
// STABLE INTERFACE: kinds, fields and side-table members are only ever ADDED; nothing
// is renamed, reordered or removed (EventKind values are serialised by exporters).
//
// Layout: an append-only sequence of 32-byte `Event`s; an event's global sequence
// number is its index. The sequence is chunked (`Chunked<Event>`, a random-access
// container with vector's read interface): appending never moves what was recorded, so
// recording costs no regrowth copies and no peak of twice the trace. Everything variable-length lives in side tables: interned strings
// (`StringId`), tasks, workers, timers and futures, each indexed by its own dense id
// (0, 1, 2, ... in creation order). `kNone` marks an absent id.
//
// Ids:
//   task id     index into Trace::tasks (Task-1 is task id 0 unless a task was renamed)
//   worker id   index into Trace::workers
//   timer id    index into Trace::timers (one per TimerHandle; its handle id is inside)
//   future id   index into Trace::futures (plain futures only; a Task is named by its
//               task id, never by a future id)
//   handle id   a per-run counter shared by Handle and TimerHandle; no side table: the
//               event that queues a handle carries its description
//
// Doubles that do not fit the fixed fields (wake-up times) are split into `a` (low 32
// bits) and `b` (high 32 bits) of their IEEE representation: see `pack_double`.

#include <compare>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <deque>
#include <iterator>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <vector>

namespace looplab::loop {

using StringId = uint32_t;  // 0 is always the empty string
inline constexpr uint32_t kNone = 0xFFFFFFFFu;

// [SECTION] Event kinds ------------------------------------------------------------
// One line per kind: what it means; then subject / a / b / c / d. Fields not named are 0.
// `time` is the virtual time and `iteration` the loop iteration (number of run_once
// calls so far in this runtime, over every loop) when the event was recorded.
enum class EventKind : uint8_t {
  // A Task object was created. subject=task, a=name StringId, b=creating task or kNone.
  TaskCreated,
  // A task's step or wakeup handle was put in the ready queue (counts as a HandleQueued
  // for ready-queue reconstruction). subject=task, a=handle id, c=HandleRole (Step|Wakeup).
  TaskScheduled,
  // The task's coroutine is being resumed (its handle was popped by the HandleRun just
  // before). subject=task, a=handle id, c=1 if resumed by throwing (cancel/exception).
  StepBegin,
  // The step ended with the task waiting. subject=task, a=WaitKind, b=target
  // (Sleep: timer id; Task: task id; Worker: worker id; BareYield: kNone; every other
  // kind: future id of the awaited future), c=1 if the awaited future was already done.
  StepEnd,
  // The future a waiting task awaited completed; its wakeup is about to be queued.
  // subject=task, a=task whose code completed it (kNone: the loop, a timer or a worker),
  // b=WaitKind it was waiting in.
  TaskWoken,
  // The task returned. subject=task, a=StringId of repr(result).
  TaskDone,
  // The task raised. subject=task, a=StringId of "Type: message".
  TaskFailed,
  // The task ended cancelled. subject=task, a=StringId of the cancel message ("" if none).
  TaskCancelled,
  // A plain (non-task) handle entered the ready queue. subject=handle id,
  // a=description StringId, b=task the callback belongs to or kNone, c=HandleRole.
  HandleQueued,
  // A handle was popped from the ready queue. subject=handle id, c=1 if it had been
  // cancelled and so was skipped.
  HandleRun,
  // A queued (non-timer) handle was cancelled; it stays in the ready queue until popped,
  // exactly as in CPython. subject=handle id.
  HandleCancelled,
  // A TimerHandle was pushed on the timer heap. subject=timer id (Trace::timers has when,
  // seq, handle, target). a=task it will wake or kNone.
  TimerScheduled,
  // A due timer moved from the heap to the ready queue (counts as HandleQueued of its
  // handle). subject=timer id, a=its handle id.
  TimerFired,
  // A timer was cancelled (it leaves the heap when popped or purged; replay drops it now
  // because a cancelled timer can never fire). subject=timer id.
  TimerCancelled,
  // A plain Future was created. subject=future id (Trace::futures has the description).
  FutureCreated,
  // A future got its result/exception or was cancelled. subject=future id,
  // a=task whose code did it or kNone, c=FutureOutcome.
  FutureResolved,
  // User code runs as a plain callback on the loop (a language callable via call_soon /
  // add_done_callback). subject=handle id, a=description StringId.
  CallbackRun,
  // A virtual worker thread started. subject=worker id, a=function name StringId,
  // b=task that started it or kNone.
  WorkerStart,
  // A worker blocked in time.sleep. subject=worker id, a/b=wake-up time (pack_double).
  WorkerSleep,
  // A sleeping worker resumed. subject=worker id.
  WorkerWake,
  // A worker finished. subject=worker id, a=StringId of repr(result) or "Type: message",
  // c=1 if it raised.
  WorkerEnd,
  // time.sleep on the loop thread started blocking. subject=task or kNone,
  // a/b=the time it will return (pack_double).
  LoopBlockedFrom,
  // The blocking sleep returned. subject=task or kNone.
  LoopBlockedTo,
  // run_once began. subject=loop id, a=number of ready handles it will run.
  LoopIterationBegin,
  // A task (or worker, c=1) moved to a new source line. subject=task/worker, a=line.
  // At most kMaxLinesPerStep per step.
  Line,
  // Program stdout text. subject=task writing it or kNone, a=StringId of the chunk,
  // c=1 when a worker wrote it (subject is then the worker id).
  Stdout,
  // Program stderr text (reports, tracebacks). subject=task or kNone, a=StringId.
  Stderr,
  // The run ended. a=exit status (0 ok, 1 exception, 3 deadlock, 4 budget),
  // b=StringId of the message (Trace::outcome has it too).
  RunEnd,
  // A cancel() request reached a task. subject=task, a=message StringId,
  // b=requesting task or kNone.
  TaskCancelRequested,
  // A task was renamed (set_name). subject=task, a=new name StringId.
  TaskRenamed,
};

// What a waiting task is waiting on (StepEnd.a).
enum class WaitKind : uint8_t {
  None, Sleep, Task, Future, Gather, Lock, Event, Condition, Semaphore, Queue, Worker,
  Timeout, Other, BareYield,
};

enum class HandleRole : uint8_t { Callback, Step, Wakeup };
enum class FutureOutcome : uint8_t { Result, Exception, Cancelled };

inline constexpr uint32_t kMaxLinesPerStep = 256;

struct Event {
  double time;
  uint32_t iteration;
  uint32_t subject;
  uint32_t a;
  uint32_t b;
  EventKind kind;
  uint8_t c;
  uint16_t d;
};
static_assert(sizeof(Event) == 32, "Event must stay 32 bytes");

inline void pack_double(double v, uint32_t& a, uint32_t& b) {
  uint64_t bits;
  std::memcpy(&bits, &v, sizeof bits);
  a = static_cast<uint32_t>(bits);
  b = static_cast<uint32_t>(bits >> 32);
}
inline double unpack_double(uint32_t a, uint32_t b) {
  const uint64_t bits = (static_cast<uint64_t>(b) << 32) | a;
  double v;
  std::memcpy(&v, &bits, sizeof v);
  return v;
}

// [SECTION] Chunked storage --------------------------------------------------------

// Memory for Chunked's chunks. A block of kChunkBlockBytes or more is asked to be backed
// by huge pages where the system offers them: a long run records hundreds of MiB, and
// faulting that in 4 KiB pages cost more than recording it.
inline constexpr size_t kChunkBlockBytes = size_t{2} << 20;
// Returns the block and sets `alignment` to what free_chunk_block must be given.
void* allocate_chunk_block(size_t bytes, size_t& alignment);
void free_chunk_block(void* block, size_t bytes, size_t alignment) noexcept;

// An append-only array in fixed chunks of 2^kChunkBits elements: push_back never
// relocates elements (references stay valid). The first chunks are allocated one by one,
// so a small sequence stays small; past kChunkBlockBytes they come kChunkBlockBytes at a
// time, and the spare capacity is at most one such block.
template <class T, unsigned kChunkBits = 12>
class Chunked {
  static_assert(std::is_trivially_copyable_v<T> && std::is_trivially_destructible_v<T>,
                "elements live in raw blocks");

 public:
  static constexpr size_t kChunk = size_t{1} << kChunkBits;

  class const_iterator {
   public:
    using iterator_category = std::random_access_iterator_tag;
    using value_type = T;
    using difference_type = std::ptrdiff_t;
    using pointer = const T*;
    using reference = const T&;

    const_iterator() = default;
    const_iterator(const Chunked* c, size_t i) : c_(c), i_(i) {}
    reference operator*() const { return (*c_)[i_]; }
    pointer operator->() const { return &(*c_)[i_]; }
    reference operator[](difference_type n) const { return (*c_)[static_cast<size_t>(to_diff() + n)]; }
    const_iterator& operator++() { ++i_; return *this; }
    const_iterator operator++(int) { const_iterator t = *this; ++i_; return t; }
    const_iterator& operator--() { --i_; return *this; }
    const_iterator operator--(int) { const_iterator t = *this; --i_; return t; }
    const_iterator& operator+=(difference_type n) { i_ = static_cast<size_t>(to_diff() + n); return *this; }
    const_iterator& operator-=(difference_type n) { return *this += -n; }
    friend const_iterator operator+(const_iterator it, difference_type n) { return it += n; }
    friend const_iterator operator+(difference_type n, const_iterator it) { return it += n; }
    friend const_iterator operator-(const_iterator it, difference_type n) { return it -= n; }
    friend difference_type operator-(const const_iterator& a, const const_iterator& b) {
      return a.to_diff() - b.to_diff();
    }
    friend bool operator==(const const_iterator& a, const const_iterator& b) { return a.i_ == b.i_; }
    friend auto operator<=>(const const_iterator& a, const const_iterator& b) { return a.i_ <=> b.i_; }

   private:
    difference_type to_diff() const { return static_cast<difference_type>(i_); }
    const Chunked* c_ = nullptr;
    size_t i_ = 0;
  };
  using iterator = const_iterator;
  using value_type = T;
  using size_type = size_t;

  Chunked() = default;
  Chunked(Chunked&& o) noexcept { *this = std::move(o); }
  Chunked& operator=(Chunked&& o) noexcept {
    chunks_ = std::exchange(o.chunks_, {});
    blocks_ = std::exchange(o.blocks_, {});
    block_bytes_ = std::exchange(o.block_bytes_, 0);
    spare_chunks_ = std::exchange(o.spare_chunks_, 0);
    next_chunk_ = std::exchange(o.next_chunk_, nullptr);
    size_ = std::exchange(o.size_, 0);
    return *this;
  }
  Chunked(const Chunked& o) { *this = o; }
  Chunked& operator=(const Chunked& o) {
    if (this == &o) return *this;
    clear();
    for (const T& v : o) push_back(v);
    return *this;
  }

  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  size_t capacity() const { return chunks_.size() * kChunk; }
  T& operator[](size_t i) { return chunks_[i >> kChunkBits][i & (kChunk - 1)]; }
  const T& operator[](size_t i) const { return chunks_[i >> kChunkBits][i & (kChunk - 1)]; }
  T& back() { return (*this)[size_ - 1]; }
  const T& back() const { return (*this)[size_ - 1]; }
  T& front() { return (*this)[0]; }
  const T& front() const { return (*this)[0]; }
  const_iterator begin() const { return {this, 0}; }
  const_iterator end() const { return {this, size_}; }

  void push_back(const T& v) {
    if (size_ == capacity()) add_chunk();
    std::construct_at(&(*this)[size_], v);
    ++size_;
  }
  void clear() {
    chunks_.clear();
    blocks_.clear();
    block_bytes_ = 0;
    spare_chunks_ = 0;
    size_ = 0;
  }
  // Bytes held: the chunks plus the chunk table.
  size_t memory_bytes() const {
    return block_bytes_ + chunks_.capacity() * sizeof(T*) + blocks_.capacity() * sizeof(Block);
  }

 private:
  struct FreeBlock {
    size_t bytes = 0;
    size_t alignment = 0;
    void operator()(void* p) const noexcept { free_chunk_block(p, bytes, alignment); }
  };
  using Block = std::unique_ptr<void, FreeBlock>;
  static constexpr size_t kChunkBytes = kChunk * sizeof(T);
  static constexpr size_t kChunksPerBlock = kChunkBytes >= kChunkBlockBytes ? 1 : kChunkBlockBytes / kChunkBytes;

  void add_chunk() {
    if (spare_chunks_ == 0) {
      const size_t chunks = capacity() * sizeof(T) < kChunkBlockBytes ? 1 : kChunksPerBlock;
      size_t alignment = 0;
      void* block = allocate_chunk_block(chunks * kChunkBytes, alignment);
      blocks_.emplace_back(block, FreeBlock{chunks * kChunkBytes, alignment});
      block_bytes_ += chunks * kChunkBytes;
      spare_chunks_ = chunks;
      next_chunk_ = static_cast<T*>(blocks_.back().get());
    }
    chunks_.push_back(next_chunk_);
    next_chunk_ += kChunk;
    --spare_chunks_;
  }

  std::vector<T*> chunks_;
  std::vector<Block> blocks_;
  size_t block_bytes_ = 0;
  size_t spare_chunks_ = 0;  // chunks of the newest block not yet in chunks_
  T* next_chunk_ = nullptr;
  size_t size_ = 0;
};

// [SECTION] Interned strings -------------------------------------------------------
class StringTable {
 public:
  StringTable();
  StringId intern(std::string_view s);
  std::string_view get(StringId id) const { return strings_[id]; }
  size_t size() const { return strings_.size(); }
  size_t memory_bytes() const;

 private:
  std::deque<std::string> strings_;  // deque: views in index_ stay valid as it grows
  std::unordered_map<std::string_view, StringId> index_;
  size_t chars_ = 0;
};

// [SECTION] Side tables ------------------------------------------------------------
struct TaskInfo {
  StringId name = 0;       // latest name (TaskRenamed events give the history)
  StringId qualname = 0;   // the coroutine's __qualname__
  uint32_t parent = kNone;      // task that created it
  uint32_t created_at = 0;      // index of its TaskCreated event
};

struct WorkerInfo {
  StringId function = 0;  // the function's name as the trace shows it
  uint32_t parent = kNone;
  uint32_t created_at = 0;
};

struct TimerInfo {
  double when = 0.0;
  uint64_t seq = 0;          // scheduling sequence number (ties on `when` break on it)
  uint32_t handle = kNone;   // handle id of the TimerHandle
  uint32_t task = kNone;     // task it wakes (sleep, wait_for, timeout) or kNone
  StringId description = 0;  // "sleep", "Task-3 timeout", "print('hi')", ...
};

struct FutureInfo {
  StringId description = 0;  // "Future", "gather", "Lock.acquire", "run_in_executor(f)"
  uint32_t creator = kNone;  // task that created it
  uint32_t created_at = 0;
};

// How the run ended: exit status (0 ok, 1 uncaught exception, 3 deadlock, 4 budget)
// and the stderr line that said so ("" when status is 0).
struct TraceOutcome {
  int exit_status = 0;
  std::string message;
};

// [SECTION] Trace ------------------------------------------------------------------
class Trace {
 public:
  Chunked<Event> events;
  StringTable strings;
  std::vector<TaskInfo> tasks;
  std::vector<WorkerInfo> workers;
  Chunked<TimerInfo> timers;  // one per TimerHandle: as many as the sleeps
  std::vector<FutureInfo> futures;
  TraceOutcome outcome;
  bool finished = false;  // a RunEnd was recorded

  size_t size() const { return events.size(); }
  const Event& operator[](size_t i) const { return events[i]; }
  std::string_view str(StringId id) const { return strings.get(id); }
  std::string_view task_name(uint32_t task) const {
    return task == kNone ? std::string_view("-") : strings.get(tasks[task].name);
  }

  // Appends one event and returns its index.
  uint32_t add(EventKind kind, double time, uint32_t iteration, uint32_t subject,
               uint32_t a = 0, uint32_t b = 0, uint8_t c = 0, uint16_t d = 0) {
    events.push_back(Event{time, iteration, subject, a, b, kind, c, d});
    return static_cast<uint32_t>(events.size() - 1);
  }

  // Drops the side tables' spare capacity (Runtime::finish calls it when the run ends);
  // the chunked tables never hold more than one chunk spare.
  void shrink_to_fit();

  // Bytes held by the trace (events + side tables + strings), for the budget/bench.
  size_t memory_bytes() const;
};

const char* to_string(EventKind k);
const char* to_string(WaitKind k);

}  // namespace looplab::loop
