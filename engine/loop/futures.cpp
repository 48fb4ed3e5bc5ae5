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

FutureExtras& Future::extras() {
  if (!extras_) extras_ = std::make_unique<FutureExtras>();
  return *extras_;
}

const Value& Future::null_value() {
  static const Value none;
  return none;
}

void Future::report_unretrieved() {
  log_traceback_ = false;
  ExceptionContext ctx;
  ctx.message = std::string(is_task() ? "Task" : "Future") + " exception was never retrieved";
  ctx.exception = exception_value();
  ctx.dying_future = repr();
  loop_->call_exception_handler(ctx);
}

Value Future::make_cancelled_error() {
  if (extras_ && extras_->cancelled_exc) return std::exchange(extras_->cancelled_exc, nullptr);
  return runtime().host().new_cancelled_error(cancel_message());
}

bool Future::cancel(Value msg) { return future_cancel(std::move(msg)); }

bool Future::future_cancel(Value msg) {
  log_traceback_ = false;
  if (state_ != State::Pending) return false;
  state_ = State::Cancelled;
  if (msg || extras_) extras().cancel_message = std::move(msg);
  record_resolved(FutureOutcome::Cancelled);
  schedule_callbacks();
  return true;
}

void Future::schedule_callbacks() {
  if (!first_callback_) return;
  Ref<Callback> first = std::exchange(first_callback_, nullptr);
  std::vector<Ref<Callback>> more;
  if (extras_) more.swap(extras_->more_callbacks);
  schedule_callback(std::move(first));
  for (Ref<Callback>& cb : more) schedule_callback(std::move(cb));
}

void Future::drop_callbacks() {
  Ref<Callback> first = std::exchange(first_callback_, nullptr);
  std::vector<Ref<Callback>> more;
  if (extras_) more.swap(extras_->more_callbacks);
}

void Future::schedule_callback(Ref<Callback> cb) {
  if (Task* woken = cb->wakeup_target()) {
    Runtime& rt = runtime();
    const uint32_t task = woken->id();
    rt.record(EventKind::TaskWoken, task, rt.current_task_id(), static_cast<uint32_t>(woken->waiting_kind()));
    loop_->call_soon_task(std::move(cb), Value(this), *woken, HandleRole::Wakeup);
  } else {
    loop_->call_soon(std::move(cb), Value(this));
  }
}

Value Future::result() {
  if (state_ == State::Cancelled) throw PyException(make_cancelled_error());
  if (state_ != State::Finished)
    throw PyException(runtime().host().new_exception(ExcKind::InvalidStateError, "Result is not set."));
  log_traceback_ = false;
  if (const Value& exc = exception_value()) throw PyException(exc);
  return result_;
}

Value Future::exception() {
  if (state_ == State::Cancelled) throw PyException(make_cancelled_error());
  if (state_ != State::Finished)
    throw PyException(runtime().host().new_exception(ExcKind::InvalidStateError, "Exception is not set."));
  log_traceback_ = false;
  return exception_value();
}

void Future::add_done_callback(Ref<Callback> fn) {
  if (state_ != State::Pending) {
    schedule_callback(std::move(fn));
  } else if (!first_callback_) {
    first_callback_ = std::move(fn);
  } else {
    extras().more_callbacks.push_back(std::move(fn));
  }
}

// Keeps the order of the callbacks that stay.
size_t Future::remove_done_callback(const Callback& fn) {
  if (!first_callback_) return 0;
  std::vector<Ref<Callback>> all;
  all.push_back(std::exchange(first_callback_, nullptr));
  if (extras_) all.insert(all.end(), std::make_move_iterator(extras_->more_callbacks.begin()),
                          std::make_move_iterator(extras_->more_callbacks.end()));
  if (extras_) extras_->more_callbacks.clear();
  size_t removed = 0;
  for (Ref<Callback>& cb : all) {
    if (cb->same(fn)) {
      ++removed;
    } else {
      add_done_callback(std::move(cb));
    }
  }
  return removed;
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
  extras().exception = std::move(exc);
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
      if (const Value& exc = exception_value()) return "<Future finished exception=" + host.repr(exc) + ">";
      return "<Future finished result=" + host.repr(result_) + ">";
  }
  return "<Future>";
}

void Future::prefetch_waiter(int stage) const {
  if (!first_callback_) return;
  if (stage == 1) {
    prefetch_object(first_callback_.get());
  } else {
    first_callback_->prefetch(null_value(), 1);
  }
}

namespace {

class SetResultUnlessCancelled final : public Callback {
 public:
  explicit SetResultUnlessCancelled(Value result) : result_(std::move(result)) {}
  void call(const Value& fut) override {
    auto* f = static_cast<Future*>(fut.get());
    if (!f->cancelled()) f->set_result(result_);
  }
  std::string describe() const override { return literal_description(); }
  const char* literal_description() const override { return "_set_result_unless_cancelled"; }
  // Setting the result wakes the future's waiter: warm that up too.
  void prefetch(const Value& fut, int stage) const override {
    if (fut) static_cast<const Future*>(fut.get())->prefetch_waiter(stage);
  }

 private:
  Value result_;
};

}  // namespace

Ref<Callback> set_result_unless_cancelled(Value result) {
  if (!result) {
    // The common sleep(d): one shared callback object.
    static const Ref<Callback> shared(new SetResultUnlessCancelled(nullptr));
    return shared;
  }
  return Ref<Callback>(new SetResultUnlessCancelled(std::move(result)));
}

}  // namespace looplab::loop
