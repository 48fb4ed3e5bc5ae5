#pragma once
// asyncio.taskgroups (3.11): TaskGroup.
//
// The first child that fails aborts the group (cancels the other children, in
// creation order where CPython iterates its set) and cancels the parent task once;
// __aexit__ waits for every child, then raises BaseExceptionGroup / ExceptionGroup
// ('unhandled errors in a TaskGroup') or propagates the parent's cancellation.

#include <string>
#include <vector>

#include "engine/loop/native_task.hpp"
#include "engine/loop/tasks.hpp"

namespace looplab::loop {

class TaskGroup final : public Object {
 public:
  explicit TaskGroup(Runtime& rt) : rt_(&rt) {}

  // __aenter__ (never suspends): RuntimeError when entered twice or outside a task.
  void enter();
  // __aexit__(et, exc, tb): a coroutine; `exc` null when the body finished normally.
  Ref<Coroutine> exit(Value exc);
  Ref<Task> create_task(Ref<Coroutine> coro, const std::string* name = nullptr);
  std::string repr() const;

 private:
  static Co exit_co(Ref<TaskGroup> self, Value exc);
  void abort();
  void on_task_done(Task& task);
  // KeyboardInterrupt / SystemExit: never produced by the loop itself.
  bool is_base_error(const Value&) const { return false; }

  Runtime* rt_;
  EventLoop* loop_ = nullptr;
  Ref<Task> parent_task_;
  std::vector<Ref<Task>> tasks_;  // creation order (CPython: a set)
  std::vector<Value> errors_;
  Value base_error_;
  Ref<Future> on_completed_fut_;
  bool entered_ = false;
  bool exiting_ = false;
  bool aborting_ = false;
  bool parent_cancel_requested_ = false;
};

}  // namespace looplab::loop
