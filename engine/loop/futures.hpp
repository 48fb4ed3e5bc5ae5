#pragma once
// asyncio.futures: Future. Done-callbacks ALWAYS go through loop.call_soon, in
// registration order (Future.__schedule_callbacks).

#include <memory>
#include <string>
#include <vector>

#include "engine/loop/events.hpp"
#include "engine/loop/object.hpp"
#include "engine/loop/pool.hpp"
#include "engine/loop/trace.hpp"

namespace looplab::loop {

class EventLoop;
class Runtime;

// What few futures need, allocated on first use: most futures (every sleep) end with a
// result and exactly one done-callback, so these stay out of the object.
struct FutureExtras {
  Value exception;
  Value cancel_message;
  Value cancelled_exc;  // the CancelledError _make_cancelled_error hands out first
  std::vector<Ref<Callback>> more_callbacks;  // after the first, in registration order
  int num_cancels_requested = 0;  // a Task's cancelling()
};

class Future : public Object, public Pooled {
 public:
  // `description` names the future in the trace ("Future", "gather", "Lock.acquire").
  explicit Future(EventLoop& loop, const char* description = "Future",
                  WaitKind kind = WaitKind::Future);
  ~Future() override;

  bool done() const { return state_ != State::Pending; }
  bool cancelled() const { return state_ == State::Cancelled; }
  // result()/exception() throw PyException exactly where futures.py raises.
  Value result();
  Value exception();
  virtual bool cancel(Value msg = nullptr);
  virtual void set_result(Value result);
  virtual void set_exception(Value exc);
  void add_done_callback(Ref<Callback> fn);
  size_t remove_done_callback(const Callback& fn);
  // Future._make_cancelled_error: the saved CancelledError the first time, then fresh.
  Value make_cancelled_error();

  EventLoop& loop() const { return *loop_; }
  Runtime& runtime() const;
  const Value& cancel_message() const { return extras_ ? extras_->cancel_message : null_value(); }
  // The raw stored exception (no retrieval side effects), null if none.
  const Value& stored_exception() const { return exception_value(); }
  const Value& stored_result() const { return result_; }
  virtual std::string repr() const;

  // [SECTION] Trace identity: what a task awaiting this future is shown waiting on.
  WaitKind wait_kind() const { return wait_kind_; }
  uint32_t trace_target() const { return trace_target_; }
  void set_trace_target(WaitKind kind, uint32_t target) { wait_kind_ = kind; trace_target_ = target; }
  virtual bool is_task() const { return false; }
  // Cache warm-up for what resolving this future touches: its first waiter (stages as
  // in Callback::prefetch).
  void prefetch_waiter(int stage) const;

  // The callback registered for a Task wakeup so the cancel path can find it.
  size_t callback_count() const {
    return first_callback_ ? 1 + (extras_ ? extras_->more_callbacks.size() : 0) : 0;
  }
  // Runtime teardown: forget every callback (breaks task <-> future cycles).
  void drop_callbacks();

 protected:
  enum class State : uint8_t { Pending, Cancelled, Finished };
  // Shared by Task (which forbids the public setters).
  void finish_result(Value result);
  void finish_exception(Value exc);
  bool future_cancel(Value msg);
  void schedule_callbacks();
  void schedule_callback(Ref<Callback> cb);
  // Trace hooks; Task overrides to record TaskDone/... instead of FutureResolved.
  virtual void record_resolved(FutureOutcome outcome);
  // Future.__del__: "exception was never retrieved".
  void report_unretrieved();

  FutureExtras& extras();
  const Value& exception_value() const { return extras_ ? extras_->exception : null_value(); }
  static const Value& null_value();

  // (Ordered to pack: trace_target_ fills the base's padding and the one-byte fields
  // come last, so a Task's flags fill this class's tail padding. A Future is one of the
  // three objects every sleep makes.)
  uint32_t trace_target_ = kNone;
  Ref<EventLoop> loop_;
  Value result_;
  std::unique_ptr<FutureExtras> extras_;
  Ref<Callback> first_callback_;  // Future._callbacks[0]; the rest are in extras_

 public:
  // The language's face of this future (engine/lang's asyncio.Future object), not owned:
  // the face sets and clears it, so finding it is one load, not a map lookup.
  Object* face = nullptr;

 protected:
  State state_ = State::Pending;
  WaitKind wait_kind_;
  bool log_traceback_ = false;
};

// futures._set_result_unless_cancelled(fut, result) as a callback; schedule it with the
// future as the handle's argument: loop.call_later(d, cb, fut).
Ref<Callback> set_result_unless_cancelled(Value result);

}  // namespace looplab::loop
