#pragma once
// asyncio.tasks: Task (step/wakeup exactly as tasks.py's __step/__wakeup) and the
// functions built on it. Every awaitable helper returns a Coroutine that the caller
// awaits by delegation (`yield from`): it runs inside the awaiting task's step, so it
// costs no loop iteration, exactly like CPython's `async def` helpers.

#include <optional>
#include <string>
#include <vector>

#include "engine/loop/base_events.hpp"
#include "engine/loop/coroutine.hpp"
#include "engine/loop/futures.hpp"

namespace looplab::loop {

class Task;

// The callback a task registers on the future it awaits (Task.__wakeup). Each task embeds
// one and registers it for every wait, so waiting allocates nothing. While any reference
// to it is out, it holds its task alive, as the bound method task.__wakeup would.
class TaskWakeup final : public Callback {
 public:
  explicit TaskWakeup(Task& task) : task_(&task) {}
  void call(const Value& arg) override;
  std::string describe() const override;
  Task& task() const { return *task_; }
  Task* wakeup_target() const override { return task_; }
  void prefetch(const Value& arg, int stage) const override;
  // A reference to register on a future.
  Ref<Callback> share();
  // The last reference went: let go of the task (which owns this object's storage).
  void release() const override;

 private:
  mutable bool holds_task_ = false;  // first: it fills the base's padding
  Task* task_;
};

class Task : public Future {
 public:
  // Use EventLoop::create_task or create_task() below. A null name takes the next Task-N.
  Task(EventLoop& loop, Ref<Coroutine> coro, const std::string* name);
  ~Task() override;

  bool is_task() const override { return true; }
  bool cancel(Value msg = nullptr) override;
  // Task forbids these (RuntimeError), as tasks.py does.
  void set_result(Value result) override;
  void set_exception(Value exc) override;
  int cancelling() const { return extras_ ? extras_->num_cancels_requested : 0; }
  int uncancel();

  std::string name() const;
  void set_name(std::string name);
  uint32_t id() const { return trace_target_; }
  const Ref<Coroutine>& coro() const { return coro_; }
  const Ref<Future>& fut_waiter() const { return fut_waiter_; }
  bool must_cancel() const { return must_cancel_; }
  std::string repr() const override;

  // tasks.py __step / __wakeup.
  void step(Value exc);
  void wakeup(Future& future);

  // What the task's last step ended waiting on (trace + live snapshot).
  WaitKind waiting_kind() const { return waiting_kind_; }
  uint32_t waiting_target() const { return waiting_target_; }
  bool started() const { return started_; }
  // Inside its step, before the StepEnd (or TaskDone/...) event.
  bool in_step() const { return in_step_; }
  // A step or wakeup handle of this task waits in the ready queue.
  bool queued() const { return queued_; }
  void set_queued(bool q) { queued_ = q; }
  int line() const { return line_; }
  StringId outcome_text() const { return outcome_text_; }
  void set_line(int line) { line_ = line; }
  // Runtime teardown: drop the coroutine frame and the waiter to break cycles.
  void abandon();

 protected:
  void record_resolved(FutureOutcome outcome) override;

 private:
  void schedule_step(Value exc);
  void on_step_result(StepResult&& r);
  void await_future(Ref<Future> fut);
  void record_step_end(WaitKind kind, uint32_t target, bool done);

  // (Ordered to pack: the flags fill the Future's tail padding. The task id is the
  // Future's trace_target_.)
  bool must_cancel_ = false;
  bool started_ = false;
  bool in_step_ = false;  // between StepBegin and StepEnd/the end event
  bool queued_ = false;
  WaitKind waiting_kind_ = WaitKind::None;
  uint32_t name_number_ = 0;  // the N of "Task-N" while no name was given
  int line_ = 0;
  StringId outcome_text_ = 0;
  uint32_t waiting_target_ = kNone;
  Ref<Coroutine> coro_;
  Ref<Future> fut_waiter_;
  std::unique_ptr<std::string> name_;  // only once a name is given
  TaskWakeup wakeup_{*this};
};

// [SECTION] Module-level functions -------------------------------------------------

// asyncio.create_task(coro, name=name): the task takes a Task-N number even when named,
// as 3.11 does (loop.create_task(coro) then set_name).
Ref<Task> create_task(EventLoop& loop, Ref<Coroutine> coro, const std::string* name = nullptr);
// ensure_future: a Future (or Task) as is; a Coroutine wrapped in a new task.
Ref<Future> ensure_future(EventLoop& loop, const Value& coro_or_future);
Task* current_task(Runtime& rt);
// asyncio.all_tasks(loop): the loop's tasks that are not done, in creation order.
std::vector<Ref<Task>> all_tasks(EventLoop& loop);

// asyncio.sleep(delay, result)'s body as a state machine, for a coroutine object to
// embed: the sleep coroutine below, or the language's own `asyncio.sleep(...)` object
// that `await` drives without a loop coroutine in between. delay <= 0 is the bare yield
// of __sleep0.
class SleepCall {
 public:
  // Where the sleep is. The owner keeps it: a byte in the owner's padding keeps the pooled
  // sleep coroutine in the 48-byte size class (one per sleeping task).
  enum class State : uint8_t { Created, Yielded0, Awaiting, Finished };

  SleepCall(double delay, Value result) : delay_(delay), result_(std::move(result)) {}
  StepResult send(Runtime& rt, State& state);
  StepResult throw_(Runtime& rt, State& state, Value exc);
  // Like the coroutine's close(): cancels the timer of a sleep in progress.
  void close(State& state);
  // Drops the references without touching the loop (its objects may be gone).
  void forget(State& state);

 private:
  StepResult start(Runtime& rt, State& state);
  static StepResult reused(Runtime& rt);

  double delay_;
  Value result_;
  Ref<TimerHandle> handle_;
};

Ref<Coroutine> sleep(Runtime& rt, double delay, Value result = nullptr);
// The sleep coroutine that carries on from `call` in `state`.
Ref<Coroutine> sleep(Runtime& rt, SleepCall call, SleepCall::State state);

// asyncio.gather(*aws, return_exceptions=...): returns the _GatheringFuture.
Ref<Future> gather(EventLoop& loop, const std::vector<Value>& aws, bool return_exceptions = false);
// asyncio.shield(aw).
Ref<Future> shield(EventLoop& loop, const Value& aw);

enum class ReturnWhen : uint8_t { FirstCompleted, FirstException, AllCompleted };
// asyncio.wait(fs, timeout=, return_when=): returns (done, pending) as a host tuple of
// sets. `fs` must already be futures/tasks (3.11 forbids coroutines).
Ref<Coroutine> wait(Runtime& rt, std::vector<Ref<Future>> fs, std::optional<double> timeout,
                    ReturnWhen return_when = ReturnWhen::AllCompleted);
// asyncio.wait_for(aw, timeout): 3.11 semantics (the awaitable becomes a new task).
Ref<Coroutine> wait_for(Runtime& rt, Value aw, std::optional<double> timeout);
// asyncio.as_completed(fs, timeout=): the coroutines the iterator would yield, in order.
std::vector<Ref<Coroutine>> as_completed(Runtime& rt, const std::vector<Value>& fs,
                                         std::optional<double> timeout = std::nullopt);

}  // namespace looplab::loop
