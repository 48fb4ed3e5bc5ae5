#pragma once
// asyncio.events: Handle and TimerHandle, and the Callback a handle runs.

#include <functional>
#include <string>
#include <utility>

#include "engine/loop/object.hpp"
#include "engine/loop/pool.hpp"
#include "engine/loop/trace.hpp"

namespace looplab::loop {

class EventLoop;
class Task;

// Something the loop can call: a language callable bound to its arguments, or native
// code. `arg` is the future for done-callbacks and null for call_soon/call_later.
class Callback : public Object {
 public:
  virtual void call(const Value& arg) = 0;
  // Short text for the trace and error reports: "print('hi')", "_on_completion".
  virtual std::string describe() const = 0;
  // The description when it is a string literal (native callbacks): the trace interns
  // it once per run by address instead of building the text per handle.
  virtual const char* literal_description() const { return nullptr; }
  // remove_done_callback equality (`f != fn` in futures.py); identity by default.
  virtual bool same(const Callback& other) const { return this == &other; }
  // True for user code (recorded as CallbackRun so the GUI can show it as a lane).
  virtual bool is_user_code() const { return false; }
  // Non-null for a Task's wakeup (its scheduling is recorded as the task's).
  virtual Task* wakeup_target() const { return nullptr; }
  // Cache warm-up before the callback runs with `arg` (see EventLoop::run_ready): stage
  // 1 starts loading what the call touches first, stage 0 (later, when stage 1's loads
  // have landed) what those lead to. Only a hint: does nothing by default.
  virtual void prefetch(const Value& /*arg*/, int /*stage*/) const {}
};

inline void prefetch_object(const void* p) { __builtin_prefetch(p); }

// A native callback with a fixed description.
template <class F>
class FunctionCallback final : public Callback {
 public:
  FunctionCallback(const char* name, F fn) : name_(name), fn_(std::move(fn)) {}
  void call(const Value& arg) override { fn_(arg); }
  std::string describe() const override { return name_; }
  const char* literal_description() const override { return name_; }

 private:
  const char* name_;
  F fn_;
};

template <class F>
Ref<Callback> make_callback(const char* name, F fn) {
  return Ref<Callback>(new FunctionCallback<F>(name, std::move(fn)));
}

class Handle : public Object, public Pooled {
 public:
  Handle(EventLoop* loop, Ref<Callback> cb, Value arg, uint32_t id)
      : loop_(loop), callback_(std::move(cb)), arg_(std::move(arg)), id_(id) {}

  virtual void cancel();
  bool cancelled() const { return cancelled_; }
  // Handle._run: call the callback; an exception goes to the loop's exception handler.
  void run();

  uint32_t id() const { return id_; }
  const Ref<Callback>& callback() const { return callback_; }
  // The callback's argument (null once cancelled).
  const Value& arg() const { return arg_; }
  // Stage 2 of the warm-up: the callback and argument objects; then the callback's own.
  void prefetch(int stage) const {
    if (!callback_) return;
    if (stage < 2) return callback_->prefetch(arg_, stage);
    prefetch_object(callback_.get());
    prefetch_object(arg_.get());
  }
  HandleRole role() const { return role_; }
  uint32_t task() const { return task_; }
  std::string describe() const { return callback_ ? callback_->describe() : std::string("<cancelled>"); }

  // Set by the loop for a task's step/wakeup handle.
  void set_task(uint32_t task, HandleRole role) { task_ = task; role_ = role; }
  // The description as interned when the handle was made (survives cancel()).
  StringId trace_description = 0;

  // (Fields are ordered to pack: a million pending handles is a normal benchmark.)
 protected:
  EventLoop* loop_;
  Ref<Callback> callback_;
  Value arg_;
  uint32_t id_;
  uint32_t task_ = kNone;
  HandleRole role_ = HandleRole::Callback;
  bool cancelled_ = false;

 public:
  // True while the handle sits in the loop's ready queue.
  bool queued = false;
  // TimerHandle: in the loop's heap (CPython's `_scheduled` flag).
  bool scheduled = false;
};

class TimerHandle final : public Handle {
 public:
  TimerHandle(EventLoop* loop, Ref<Callback> cb, Value arg, uint32_t id, double when,
              uint32_t timer_id)
      : Handle(loop, std::move(cb), std::move(arg), id), timer_id_(timer_id), when_(when) {}

  void cancel() override;
  double when() const { return when_; }
  // The scheduling sequence number lives in the heap slot (ScheduledTimer) and the
  // trace's TimerInfo.
  uint32_t timer_id() const { return timer_id_; }

 private:
  uint32_t timer_id_;  // first: it fills the Handle's tail padding
  double when_;
};

}  // namespace looplab::loop
