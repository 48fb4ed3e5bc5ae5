#include "engine/loop/taskgroups.hpp"

#include <algorithm>

#include "engine/loop/runtime.hpp"

namespace looplab::loop {

namespace {

PyException runtime_error(Runtime& rt, const std::string& msg) {
  return PyException(rt.host().new_exception(ExcKind::RuntimeError, msg));
}

}  // namespace

std::string TaskGroup::repr() const {
  std::string info;
  if (!tasks_.empty()) info += " tasks=" + std::to_string(tasks_.size());
  if (!errors_.empty()) info += " errors=" + std::to_string(errors_.size());
  if (aborting_) {
    info += " cancelling";
  } else if (entered_) {
    info += " entered";
  }
  return "<TaskGroup" + info + ">";
}

void TaskGroup::enter() {
  if (entered_) throw runtime_error(*rt_, "TaskGroup " + repr() + " has been already entered");
  entered_ = true;
  if (!loop_) loop_ = rt_->running_loop();
  Task* parent = current_task(*rt_);
  if (!parent) throw runtime_error(*rt_, "TaskGroup " + repr() + " cannot determine the parent task");
  parent_task_ = Ref<Task>(parent);
}

Ref<Task> TaskGroup::create_task(Ref<Coroutine> coro, const std::string* name) {
  if (!entered_) throw runtime_error(*rt_, "TaskGroup " + repr() + " has not been entered");
  if (exiting_ && tasks_.empty()) throw runtime_error(*rt_, "TaskGroup " + repr() + " is finished");
  if (aborting_) throw runtime_error(*rt_, "TaskGroup " + repr() + " is shutting down");
  Ref<Task> task = loop_->create_task(std::move(coro));
  if (name) task->set_name(*name);
  task->add_done_callback(make_callback("TaskGroup._on_task_done", [self = Ref<TaskGroup>(this)](const Value& t) {
    self->on_task_done(*static_cast<Task*>(t.get()));
  }));
  tasks_.push_back(task);
  return task;
}

void TaskGroup::abort() {
  aborting_ = true;
  for (const Ref<Task>& t : std::vector<Ref<Task>>(tasks_))
    if (!t->done()) t->cancel();
}

void TaskGroup::on_task_done(Task& task) {
  std::erase(tasks_, Ref<Task>(&task));
  if (on_completed_fut_ && tasks_.empty() && !on_completed_fut_->done())
    on_completed_fut_->set_result(rt_->host().new_bool(true));
  if (task.cancelled()) return;
  Value exc = task.exception();
  if (!exc) return;
  errors_.push_back(exc);
  if (is_base_error(exc) && !base_error_) base_error_ = exc;
  if (parent_task_->done()) {
    ExceptionContext ctx;
    ctx.message = "Task " + task.repr() + " has errored out but its parent task " + parent_task_->repr() +
                  " is already completed";
    ctx.exception = exc;
    ctx.task = Ref<Future>(&task);
    loop_->call_exception_handler(ctx);
    return;
  }
  if (!aborting_ && !parent_cancel_requested_) {
    abort();
    parent_cancel_requested_ = true;
    parent_task_->cancel();
  }
}

Ref<Coroutine> TaskGroup::exit(Value exc) { return exit_co(Ref<TaskGroup>(this), std::move(exc)).named("TaskGroup.__aexit__"); }

Co TaskGroup::exit_co(Ref<TaskGroup> self, Value exc) {
  Host& host = self->rt_->host();
  self->exiting_ = true;
  if (exc && self->is_base_error(exc) && !self->base_error_) self->base_error_ = exc;
  const bool et_cancelled = exc && host.is_cancelled_error(exc);
  Value propagate_cancellation_error = et_cancelled ? exc : nullptr;
  if (self->parent_cancel_requested_ && self->parent_task_->uncancel() == 0) propagate_cancellation_error = nullptr;
  if (exc && !self->aborting_) self->abort();
  while (!self->tasks_.empty()) {
    if (!self->on_completed_fut_) self->on_completed_fut_ = self->loop_->create_future("TaskGroup", WaitKind::Other);
    try {
      co_await self->on_completed_fut_;
    } catch (const PyException& e) {
      if (!host.is_cancelled_error(e.value)) throw;
      if (!self->aborting_) {
        propagate_cancellation_error = e.value;
        self->abort();
      }
    }
    self->on_completed_fut_ = nullptr;
  }
  if (self->base_error_) throw PyException(self->base_error_);
  if (propagate_cancellation_error && self->errors_.empty()) throw PyException(propagate_cancellation_error);
  if (exc && !et_cancelled) self->errors_.push_back(exc);
  if (!self->errors_.empty()) {
    Value group = host.new_exception_group("unhandled errors in a TaskGroup", std::exchange(self->errors_, {}));
    host.set_cause(group, nullptr);
    self->parent_task_ = nullptr;
    throw PyException(group);
  }
  self->parent_task_ = nullptr;
  co_return nullptr;
}

}  // namespace looplab::loop
