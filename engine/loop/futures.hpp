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

// Future._callbacks. Nearly every future gets exactly one callback (the wakeup of the
// task awaiting it), so the first is stored inline and only the others allocate.
class CallbackList {
 public:
  bool empty() const { return !first_; }
  size_t size() const { return first_ ? 1 + (rest_ ? rest_->size() : 0) : 0; }
  void push_back(Ref<Callback> cb) {
    if (!first_) {
      first_ = std::move(cb);
      return;
    }
    if (!rest_) rest_ = std::make_unique<std::vector<Ref<Callback>>>();
    rest_->push_back(std::move(cb));
  }
  template <class F>
  void for_each(F fn) {
    if (first_) fn(first_);
    if (rest_)
      for (Ref<Callback>& cb : *rest_) fn(cb);
  }
  // Keeps the order of the callbacks that stay.
  template <class Pred>
  size_t erase_if(Pred pred) {
    CallbackList all = std::exchange(*this, CallbackList());
    size_t removed = 0;
    all.for_each([&](Ref<Callback>& cb) {
      if (pred(cb)) {
        ++removed;
      } else {
        push_back(std::move(cb));
      }
    });
    return removed;
  }

 private:
  Ref<Callback> first_;
  std::unique_ptr<std::vector<Ref<Callback>>> rest_;
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
  const Value& cancel_message() const { return cancel_message_; }
  // The raw stored exception (no retrieval side effects), null if none.
  const Value& stored_exception() const { return exception_; }
  const Value& stored_result() const { return result_; }
  virtual std::string repr() const;

  // [SECTION] Trace identity: what a task awaiting this future is shown waiting on.
  WaitKind wait_kind() const { return wait_kind_; }
  uint32_t trace_target() const { return trace_target_; }
  void set_trace_target(WaitKind kind, uint32_t target) { wait_kind_ = kind; trace_target_ = target; }
  virtual bool is_task() const { return false; }

  // The callback registered for a Task wakeup so the cancel path can find it.
  size_t callback_count() const { return callbacks_.size(); }
  // Runtime teardown: forget every callback (breaks task <-> future cycles).
  void drop_callbacks() { CallbackList dropped = std::exchange(callbacks_, CallbackList()); }

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

  Ref<EventLoop> loop_;
  State state_ = State::Pending;
  Value result_;
  Value exception_;
  Value cancel_message_;
  Value cancelled_exc_;
  CallbackList callbacks_;
  WaitKind wait_kind_;
  uint32_t trace_target_ = kNone;
  bool log_traceback_ = false;
};

// futures._set_result_unless_cancelled(fut, result) as a callback; schedule it with the
// future as the handle's argument: loop.call_later(d, cb, fut).
Ref<Callback> set_result_unless_cancelled(Value result);

}  // namespace looplab::loop
