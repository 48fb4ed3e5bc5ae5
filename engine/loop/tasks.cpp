#include "engine/loop/tasks.hpp"

#include "engine/loop/runtime.hpp"

namespace looplab::loop {

// [SECTION] Task ---------------------------------------------------------------------

namespace {

// One per scheduled step. Not pooled: every task's first step is scheduled at once, and
// pool blocks stay with the pool, so a pooled step costs 32 B per sleeping task at the peak.
class TaskStep final : public Callback {
 public:
  explicit TaskStep(Ref<Task> task) : task_(std::move(task)) {}
  void call(const Value& exc) override { task_->step(exc); }
  std::string describe() const override { return task_->name() + ".step"; }

 private:
  Ref<Task> task_;
};

}  // namespace

void TaskWakeup::call(const Value& arg) { task_->wakeup(*static_cast<Future*>(arg.get())); }

std::string TaskWakeup::describe() const { return task_->name() + ".wakeup"; }

// Stage 2 loaded this object, which lies inside the task: the task's other line and its
// coroutine next, then the coroutine's frame.
void TaskWakeup::prefetch(const Value&, int stage) const {
  if (stage == 1) {
    prefetch_object(task_);
    prefetch_object(task_->coro().get());
  } else if (const Ref<Coroutine>& coro = task_->coro()) {
    coro->prefetch();
  }
}

Ref<Callback> TaskWakeup::share() {
  if (!holds_task_) {
    holds_task_ = true;
    task_->incref();
  }
  return Ref<Callback>(this);
}

void TaskWakeup::release() const {
  if (!holds_task_) return;
  holds_task_ = false;
  // Hand the held reference to a Ref so that dropping it can destroy the task (and with
  // it this object): nothing touches `this` afterwards.
  Ref<Task> last(task_);
  task_->decref();
}

Task::Task(EventLoop& loop, Ref<Coroutine> coro, const std::string* name)
    : Future(loop, "Task", WaitKind::Task), coro_(std::move(coro)) {
  Runtime& rt = loop.runtime();
  if (name) {
    name_ = std::make_unique<std::string>(*name);
  } else {
    name_number_ = static_cast<uint32_t>(rt.next_task_name_number());
  }
  trace_target_ = rt.register_task(this);
  if (rt.recording()) {
    Trace& tr = rt.trace();
    const StringId name_id = rt.intern(this->name());
    tr.tasks.push_back({name_id, rt.intern(coro_->qualname()), rt.current_task_id(),
                        static_cast<uint32_t>(tr.size())});
    rt.record(EventKind::TaskCreated, id(), name_id, rt.current_task_id());
  }
  schedule_step(nullptr);
}

std::string Task::name() const { return name_ ? *name_ : "Task-" + std::to_string(name_number_); }

Task::~Task() {
  if (log_traceback_) report_unretrieved();
  runtime().forget_task(id());
}

void Task::abandon() {
  if (Ref<Future> waiter = std::exchange(fut_waiter_, nullptr)) {
    waiter->drop_callbacks();
  }
  // What awaits this task (a gather's child callback holding the gather, which holds
  // its children) forms a cycle through our own callbacks too.
  drop_callbacks();
  if (coro_) coro_->close();
  coro_ = nullptr;
  log_traceback_ = false;
}

void Task::schedule_step(Value exc) {
  loop_->call_soon_task(Ref<Callback>(new TaskStep(Ref<Task>(this))), std::move(exc), *this, HandleRole::Step);
}

void Task::set_result(Value) {
  throw PyException(runtime().host().new_exception(ExcKind::RuntimeError, "Task does not support set_result operation"));
}

void Task::set_exception(Value) {
  throw PyException(
      runtime().host().new_exception(ExcKind::RuntimeError, "Task does not support set_exception operation"));
}

void Task::set_name(std::string name) {
  name_ = std::make_unique<std::string>(std::move(name));
  Runtime& rt = runtime();
  if (!rt.recording()) return;
  const StringId name_id = rt.intern(*name_);
  rt.trace().tasks[id()].name = name_id;
  rt.record(EventKind::TaskRenamed, id(), name_id);
}

bool Task::cancel(Value msg) {
  log_traceback_ = false;
  if (done()) return false;
  ++extras().num_cancels_requested;
  Runtime& rt = runtime();
  if (rt.recording())
    rt.record(EventKind::TaskCancelRequested, id(), rt.intern(msg ? rt.host().str(msg) : ""), rt.current_task_id());
  if (fut_waiter_ && fut_waiter_->cancel(msg)) return true;
  must_cancel_ = true;
  if (msg || extras_) extras().cancel_message = std::move(msg);
  return true;
}

int Task::uncancel() {
  if (cancelling() > 0) --extras_->num_cancels_requested;
  return cancelling();
}

void Task::step(Value exc) {
  Runtime& rt = runtime();
  Host& host = rt.host();
  if (done())
    throw PyException(host.new_exception(ExcKind::InvalidStateError,
                                          "_step(): already done: " + repr() + " " + host.repr(exc)));
  if (must_cancel_) {
    if (!exc || !host.is_cancelled_error(exc)) exc = make_cancelled_error();
    must_cancel_ = false;
  }
  fut_waiter_ = nullptr;
  Ref<Task> self(this);  // the step may drop the last outside reference
  Task* saved = rt.current_task();
  rt.set_current_task(this);
  started_ = true;
  queued_ = false;
  in_step_ = true;
  waiting_kind_ = WaitKind::None;
  waiting_target_ = kNone;
  rt.record(EventKind::StepBegin, id(), rt.current_handle_id(), 0, exc ? 1 : 0);
  struct Leave {
    Runtime& rt;
    Task* saved;
    ~Leave() { rt.set_current_task(saved); }
  } leave{rt, saved};
  StepResult r;
  try {
    r = exc ? coro_->throw_(std::move(exc)) : coro_->send(nullptr);
  } catch (const PyException& e) {
    r = StepResult::raised(e.value);
  }
  on_step_result(std::move(r));
}

void Task::on_step_result(StepResult&& r) {
  Host& host = runtime().host();
  switch (r.kind) {
    case StepResult::Kind::Return:
      if (must_cancel_) {
        must_cancel_ = false;
        future_cancel(cancel_message());
      } else {
        finish_result(std::move(r.value));
      }
      return;
    case StepResult::Kind::Raise:
      if (host.is_cancelled_error(r.value)) {
        extras().cancelled_exc = std::move(r.value);
        future_cancel(nullptr);
      } else {
        finish_exception(std::move(r.value));
      }
      return;
    case StepResult::Kind::Await: await_future(std::move(r.future)); return;
    case StepResult::Kind::BareYield:
      record_step_end(WaitKind::BareYield, kNone, false);
      schedule_step(nullptr);
      return;
    case StepResult::Kind::BadYield:
      record_step_end(WaitKind::Other, kNone, false);
      schedule_step(host.new_exception(ExcKind::RuntimeError, "Task got bad yield: " + r.text));
      return;
  }
}

void Task::await_future(Ref<Future> fut) {
  Host& host = runtime().host();
  if (&fut->loop() != loop_.get()) {
    record_step_end(WaitKind::Other, kNone, false);
    schedule_step(host.new_exception(ExcKind::RuntimeError,
                                     "Task " + repr() + " got Future " + fut->repr() + " attached to a different loop"));
    return;
  }
  if (fut.get() == this) {
    record_step_end(WaitKind::Other, kNone, false);
    schedule_step(host.new_exception(ExcKind::RuntimeError, "Task cannot await on itself: " + repr()));
    return;
  }
  record_step_end(fut->wait_kind(), fut->trace_target(), fut->done());
  fut->add_done_callback(wakeup_.share());
  fut_waiter_ = fut;
  if (must_cancel_ && fut_waiter_->cancel(cancel_message())) must_cancel_ = false;
}

void Task::record_step_end(WaitKind kind, uint32_t target, bool done) {
  in_step_ = false;
  waiting_kind_ = kind;
  waiting_target_ = target;
  runtime().record(EventKind::StepEnd, id(), static_cast<uint32_t>(kind), target, done ? 1 : 0);
}

void Task::wakeup(Future& future) {
  Value exc;
  try {
    future.result();
  } catch (const PyException& e) {
    exc = e.value;
  }
  step(std::move(exc));
}

void Task::record_resolved(FutureOutcome outcome) {
  in_step_ = false;
  Runtime& rt = runtime();
  if (!rt.recording()) return;
  Host& host = rt.host();
  switch (outcome) {
    case FutureOutcome::Result:
      outcome_text_ = rt.intern(host.repr(result_));
      rt.record(EventKind::TaskDone, id(), outcome_text_);
      break;
    case FutureOutcome::Exception:
      outcome_text_ = rt.intern(host.exception_text(exception_value()));
      rt.record(EventKind::TaskFailed, id(), outcome_text_);
      break;
    case FutureOutcome::Cancelled: {
      const Value& msg = extras_ && extras_->cancelled_exc ? extras_->cancelled_exc : cancel_message();
      outcome_text_ = rt.intern(msg ? host.str(msg) : "");
      rt.record(EventKind::TaskCancelled, id(), outcome_text_);
      break;
    }
  }
}

std::string Task::repr() const {
  const Host& host = runtime().host();
  std::string info = state_ == State::Pending ? (must_cancel_ ? "cancelling" : "pending")
                     : state_ == State::Cancelled ? "cancelled"
                                                  : "finished";
  info += " name='" + name() + "' coro=" + (coro_ ? coro_->task_repr_info(done()) : std::string("<coroutine>"));
  if (state_ == State::Finished)
    info += exception_value() ? " exception=" + host.repr(exception_value()) : " result=" + host.repr(result_);
  if (state_ == State::Pending && fut_waiter_) info += " wait_for=" + fut_waiter_->repr();
  return "<Task " + info + ">";
}

// [SECTION] Module-level functions ---------------------------------------------------

Ref<Task> create_task(EventLoop& loop, Ref<Coroutine> coro, const std::string* name) {
  Ref<Task> task = loop.create_task(std::move(coro));
  if (name) task->set_name(*name);
  return task;
}

Ref<Future> ensure_future(EventLoop& loop, const Value& coro_or_future) {
  if (auto* f = dynamic_cast<Future*>(coro_or_future.get())) return Ref<Future>(f);
  if (auto* c = dynamic_cast<Coroutine*>(coro_or_future.get())) return loop.create_task(Ref<Coroutine>(c));
  throw PyException(loop.runtime().host().new_exception(
      ExcKind::TypeError, "An asyncio.Future, a coroutine or an awaitable is required"));
}

Task* current_task(Runtime& rt) { return rt.current_task(); }

std::vector<Ref<Task>> all_tasks(EventLoop& loop) {
  Runtime& rt = loop.runtime();
  std::vector<Ref<Task>> out;
  for (size_t i = 0; i < rt.task_count(); ++i) {
    Task* t = rt.task(static_cast<uint32_t>(i));
    if (t && !t->done() && &t->loop() == &loop) out.emplace_back(t);
  }
  return out;
}

// [SECTION] sleep --------------------------------------------------------------------

// tasks.sleep: create the future, call_later, await it, and cancel the timer handle on
// the way out (the `finally: h.cancel()`). The future is the handle's argument until
// that cancel, so only the handle is kept.
StepResult SleepCall::send(Runtime& rt, State& state) {
  switch (state) {
    case State::Created: return start(rt, state);
    case State::Yielded0: state = State::Finished; return StepResult::returned(result_);
    case State::Awaiting: {
      state = State::Finished;
      const Ref<Future> future(static_cast<Future*>(handle_->arg().get()));
      handle_->cancel();
      // Resumed before the timer fired (by hand): Future.__await__'s complaint.
      if (!future->done()) {
        return StepResult::raised(rt.host().new_exception(ExcKind::RuntimeError, "await wasn't used with future"));
      }
      try {
        return StepResult::returned(future->result());
      } catch (const PyException& e) {
        return StepResult::raised(e.value);
      }
    }
    case State::Finished: break;
  }
  return reused(rt);
}

StepResult SleepCall::throw_(Runtime& rt, State& state, Value exc) {
  if (state == State::Finished) return reused(rt);
  if (state == State::Awaiting) handle_->cancel();
  state = State::Finished;
  return StepResult::raised(std::move(exc));
}

void SleepCall::close(State& state) {
  if (state == State::Awaiting) handle_->cancel();
  state = State::Finished;
  handle_ = nullptr;
}

void SleepCall::forget(State& state) {
  state = State::Finished;
  handle_ = nullptr;
  result_ = nullptr;
}

StepResult SleepCall::start(Runtime& rt, State& state) {
  if (delay_ <= 0) {
    state = State::Yielded0;
    return StepResult::bare_yield();
  }
  EventLoop* loop = rt.running_loop();
  if (!loop) {
    state = State::Finished;
    return StepResult::raised(rt.host().new_exception(ExcKind::RuntimeError, "no running event loop"));
  }
  Ref<Future> future = loop->create_future("sleep", WaitKind::Sleep);
  handle_ = loop->call_later(delay_, set_result_unless_cancelled(result_), Value(future));
  future->set_trace_target(WaitKind::Sleep, handle_->timer_id());
  state = State::Awaiting;
  return StepResult::await(std::move(future));
}

StepResult SleepCall::reused(Runtime& rt) {
  return StepResult::raised(rt.host().new_exception(ExcKind::RuntimeError, "cannot reuse already awaited coroutine"));
}

namespace {

class SleepCoroutine final : public Coroutine, public Pooled {
 public:
  SleepCoroutine(Runtime& rt, SleepCall call, SleepCall::State state)
      : state_(state), rt_(&rt), call_(std::move(call)) {}
  StepResult send(Value) override { return call_.send(*rt_, state_); }
  StepResult throw_(Value exc) override { return call_.throw_(*rt_, state_, std::move(exc)); }
  void close() override { call_.close(state_); }
  std::string qualname() const override { return "sleep"; }

 private:
  SleepCall::State state_;  // first: it fills the base's padding
  Runtime* rt_;
  SleepCall call_;
};

}  // namespace

Ref<Coroutine> sleep(Runtime& rt, double delay, Value result) {
  return sleep(rt, SleepCall(delay, std::move(result)), SleepCall::State::Created);
}

Ref<Coroutine> sleep(Runtime& rt, SleepCall call, SleepCall::State state) {
  return Ref<Coroutine>(new SleepCoroutine(rt, std::move(call), state));
}

}  // namespace looplab::loop
