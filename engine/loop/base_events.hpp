#pragma once
// asyncio.base_events: the event loop.
//
// One iteration, run_once (base_events.BaseEventLoop._run_once):
//
//   1. purge cancelled timers        (rebuild the heap, or pop cancelled heads)
//   2. select                        nothing ready and not stopping: the clock jumps to
//                                    the earliest timer or worker wake-up (workers due
//                                    first); nothing at all: deadlock
//   3. move due timers to ready_     when < now + clock_resolution
//   4. run the handles that were     exactly ntodo = len(ready_) at this point; what they
//      ready                         schedule runs next iteration
//
//        +-----------+   due    +---------+  ntodo pops  +-----------+
//        | scheduled_| -------> | ready_  | -----------> | Handle::run|
//        +-----------+          +---------+              +-----------+
//              ^  call_at/call_later  ^ call_soon / threadsafe  |
//              +----------------------+-------------------------+

#include <deque>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "engine/loop/events.hpp"
#include "engine/loop/futures.hpp"
#include "engine/loop/object.hpp"

namespace looplab::loop {

class Coroutine;
class Runtime;
class Task;

inline constexpr double kClockResolution = 1e-9;

// A slot of the timer heap. The key is copied beside the handle so that sifting
// compares without touching the handles (heapq compares TimerHandles by (when, seq)).
struct ScheduledTimer {
  double when;
  uint64_t seq;
  Ref<TimerHandle> handle;
  bool fires_before(const ScheduledTimer& o) const { return when != o.when ? when < o.when : seq < o.seq; }
};
// base_events._MIN_SCHEDULED_TIMER_HANDLES / _MIN_CANCELLED_TIMER_HANDLES_FRACTION
inline constexpr size_t kMinScheduledTimerHandles = 100;
inline constexpr double kMinCancelledTimerHandlesFraction = 0.5;

// The dict passed to loop.call_exception_handler.
struct ExceptionContext {
  std::string message;
  Value exception;
  Ref<Future> future;  // 'future' key
  // The 'future' key of a future that is being destroyed: its repr, because a Ref to an
  // object inside its own destructor would delete it a second time.
  std::string dying_future;
  Ref<Handle> handle;
  Ref<Future> task;    // 'task' key
};

class EventLoop : public Object {
 public:
  explicit EventLoop(Runtime& rt);
  ~EventLoop() override;

  Runtime& runtime() const { return *rt_; }
  uint32_t id() const { return id_; }
  double time() const;

  // [SECTION] Scheduling
  Ref<Handle> call_soon(Ref<Callback> cb, Value arg = nullptr);
  Ref<TimerHandle> call_later(double delay, Ref<Callback> cb, Value arg = nullptr);
  Ref<TimerHandle> call_at(double when, Ref<Callback> cb, Value arg = nullptr);
  // From a worker: appends to ready_ exactly like call_soon (no self-pipe handle).
  Ref<Handle> call_soon_threadsafe(Ref<Callback> cb, Value arg = nullptr);
  // A task's step/wakeup handle (recorded as TaskScheduled).
  void call_soon_task(Ref<Callback> cb, Value arg, Task& task, HandleRole role);

  Ref<Future> create_future(const char* description = "Future", WaitKind kind = WaitKind::Future);
  // loop.create_task(coro, name=name): a null name takes the next Task-N.
  Ref<Task> create_task(Ref<Coroutine> coro, const std::string* name = nullptr);

  // [SECTION] Running
  void run_once();
  void run_forever();
  // Runs until `future` is done and returns its result (throws PyException for its
  // exception). A coroutine is wrapped in a task first (ensure_future).
  Value run_until_complete(Ref<Future> future);
  Value run_until_complete(Ref<Coroutine> coro);
  void stop() { stopping_ = true; }
  // Drops ready_ and scheduled_ (RuntimeError if running).
  void close();
  bool is_running() const { return running_; }
  bool is_closed() const { return closed_; }
  // run_in_executor(None, ...) created the default executor (shutdown waits for it).
  bool default_executor_used = false;

  // [SECTION] Errors
  using ExceptionHandler = std::function<void(EventLoop&, const ExceptionContext&)>;
  void set_exception_handler(ExceptionHandler h) { handler_ = std::move(h); }
  void call_exception_handler(const ExceptionContext& ctx);
  void default_exception_handler(const ExceptionContext& ctx);

  // [SECTION] Introspection (GUI snapshot, tests)
  const std::deque<Ref<Handle>>& ready() const { return ready_; }
  const std::vector<ScheduledTimer>& scheduled() const { return scheduled_; }
  void timer_handle_cancelled(TimerHandle& h);

 private:
  void purge_cancelled_timers();
  void select();
  void move_due_timers();
  void run_ready(size_t ntodo);
  void enqueue(Ref<Handle> h);
  void check_closed() const;

  Runtime* rt_;
  uint32_t id_;
  std::deque<Ref<Handle>> ready_;
  // A 4-ary min-heap on (when, seq): a total order, so timers leave it exactly as they
  // leave heapq, while a sift crosses half the levels of a binary heap (at 100k
  // timers each level is a cache miss) and a node's children share a cache line or two.
  std::vector<ScheduledTimer> scheduled_;
  size_t timer_cancelled_count_ = 0;
  bool stopping_ = false;
  bool closed_ = false;
  bool running_ = false;
  ExceptionHandler handler_;
};

}  // namespace looplab::loop
