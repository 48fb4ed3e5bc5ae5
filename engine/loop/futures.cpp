#include "engine/loop/futures.hpp"

#include "engine/loop/base_events.hpp"
#include "engine/loop/runtime.hpp"
#include "engine/loop/tasks.hpp"

namespace looplab::loop {

Future::Future(EventLoop& loop, const char* description, WaitKind kind)
    : loop_(&loop), wait_kind_(kind) {
  Runtime& rt = loop.runtime();
  // A Task is named by its task id, a sleep by its timer, an executor future by its
  // worker: none of them takes a future id.
  if (kind == WaitKind::Task || kind == WaitKind::Sleep || kind == WaitKind::Worker || !rt.recording())
    return;
  Trace& tr = rt.trace();
  trace_target_ = static_cast<uint32_t>(tr.futures.size());
  tr.futures.push_back({rt.intern(description), rt.current_task_id(), static_cast<uint32_t>(tr.size())});
  rt.record(EventKind::FutureCreated, trace_target_);
}

Future::~Future() {
  if (log_traceback_) report_unretrieved();
}

Runtime& Future::runtime() const { return loop_->runtime(); }

void Future::report_unretrieved() {
  log_traceback_ = false;
  ExceptionContext ctx;
  ctx.message = std::string(is_task() ? "Task" : "Future") + " exception was never retrieved";
  ctx.exception = exception_;
  ctx.dying_future = repr();
  loop_->call_exception_handler(ctx);
}

Value Future::make_cancelled_error() {
  if (cancelled_exc_) return std::exchange(cancelled_exc_, nullptr);
  return runtime().host().new_cancelled_error(cancel_message_);
}

bool Future::cancel(Value msg) { return future_cancel(std::move(msg)); }

bool Future::future_cancel(Value msg) {
  log_traceback_ = false;
  if (state_ != State::Pending) return false;
  state_ = State::Cancelled;
  cancel_message_ = std::move(msg);
  record_resolved(FutureOutcome::Cancelled);
  schedule_callbacks();
  return true;
}

void Future::schedule_callbacks() {
  if (callbacks_.empty()) return;
  CallbackList callbacks = std::exchange(callbacks_, CallbackList());
  callbacks.for_each([this](Ref<Callback>& cb) { schedule_callback(std::move(cb)); });
}

void Future::schedule_callback(Ref<Callback> cb) {
  if (Task* woken = cb->wakeup_target()) {
    Runtime& rt = runtime();
    const uint32_t task = woken->id();
    rt.record(EventKind::TaskWoken, task, rt.current_task_id(), static_cast<uint32_t>(woken->waiting_kind()));
    loop_->call_soon_task(std::move(cb), Value(this), task, HandleRole::Wakeup);
  } else {
    loop_->call_soon(std::move(cb), Value(this));
  }
}

Value Future::result() {
  if (state_ == State::Cancelled) throw PyException(make_cancelled_error());
  if (state_ != State::Finished)
    throw PyException(runtime().host().new_exception(ExcKind::InvalidStateError, "Result is not set."));
  log_traceback_ = false;
  if (exception_) throw PyException(exception_);
  return result_;
}

Value Future::exception() {
  if (state_ == State::Cancelled) throw PyException(make_cancelled_error());
  if (state_ != State::Finished)
    throw PyException(runtime().host().new_exception(ExcKind::InvalidStateError, "Exception is not set."));
  log_traceback_ = false;
  return exception_;
}

void Future::add_done_callback(Ref<Callback> fn) {
  if (state_ != State::Pending) {
    schedule_callback(std::move(fn));
  } else {
    callbacks_.push_back(std::move(fn));
  }
}

size_t Future::remove_done_callback(const Callback& fn) {
  return callbacks_.erase_if([&](const Ref<Callback>& cb) { return cb->same(fn); });
}

// _asynciomodule.c words it tersely; futures.py's "STATE: repr" is never what 3.11 shows.
void Future::set_result(Value result) {
  if (state_ != State::Pending)
    throw PyException(runtime().host().new_exception(ExcKind::InvalidStateError, "invalid state"));
  finish_result(std::move(result));
}

void Future::set_exception(Value exc) {
  if (state_ != State::Pending)
    throw PyException(runtime().host().new_exception(ExcKind::InvalidStateError, "invalid state"));
  finish_exception(std::move(exc));
}

void Future::finish_result(Value result) {
  result_ = std::move(result);
  state_ = State::Finished;
  record_resolved(FutureOutcome::Result);
  schedule_callbacks();
}

void Future::finish_exception(Value exc) {
  exception_ = std::move(exc);
  state_ = State::Finished;
  record_resolved(FutureOutcome::Exception);
  schedule_callbacks();
  log_traceback_ = true;
}

void Future::record_resolved(FutureOutcome outcome) {
  Runtime& rt = runtime();
  if (trace_target_ != kNone && wait_kind_ != WaitKind::Sleep && wait_kind_ != WaitKind::Worker)
    rt.record(EventKind::FutureResolved, trace_target_, rt.current_task_id(), 0,
              static_cast<uint8_t>(outcome));
}

std::string Future::repr() const {
  const Host& host = runtime().host();
  switch (state_) {
    case State::Pending: return "<Future pending>";
    case State::Cancelled: return "<Future cancelled>";
    case State::Finished:
      if (exception_) return "<Future finished exception=" + host.repr(exception_) + ">";
      return "<Future finished result=" + host.repr(result_) + ">";
  }
  return "<Future>";
}

Ref<Callback> set_result_unless_cancelled(Value result) {
  if (!result) {
    // The common sleep(d): one shared callback object.
    static const Ref<Callback> shared = make_callback("_set_result_unless_cancelled", [](const Value& fut) {
      auto* f = static_cast<Future*>(fut.get());
      if (!f->cancelled()) f->set_result(nullptr);
    });
    return shared;
  }
  return make_callback("_set_result_unless_cancelled", [result = std::move(result)](const Value& fut) {
    auto* f = static_cast<Future*>(fut.get());
    if (!f->cancelled()) f->set_result(result);
  });
}

}  // namespace looplab::loop
