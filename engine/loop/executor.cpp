#include "engine/loop/executor.hpp"

#include "engine/loop/base_events.hpp"
#include "engine/loop/runtime.hpp"

namespace looplab::loop {

namespace {

// futures._copy_future_state(source, dest) for a finished worker.
void copy_worker_state(Future& dest, const WorkerStep& step) {
  if (dest.cancelled()) return;
  if (step.kind == WorkerStep::Kind::Raised) {
    dest.set_exception(step.value);
  } else {
    dest.set_result(step.value);
  }
}

}  // namespace

Ref<Future> run_in_executor(EventLoop& loop, Ref<WorkerJob> job, std::string_view name) {
  Runtime& rt = loop.runtime();
  loop.default_executor_used = true;
  Ref<Future> dest = loop.create_future("run_in_executor", WaitKind::Worker);
  // _chain_future registers on the destination first: a cancelled destination would
  // cancel the concurrent future, which cannot cancel a job that already runs.
  dest->add_done_callback(make_callback("_call_check_cancel", [](const Value&) {}));
  Worker& w = rt.add_worker(std::move(job), name);
  dest->set_trace_target(WaitKind::Worker, w.id);
  w.on_done = [loop = Ref<EventLoop>(&loop), dest](const WorkerStep& step) {
    // _call_set_state on the worker thread: hand the result to the loop's thread.
    if (loop->is_closed()) return;
    loop->call_soon_threadsafe(make_callback("_set_state", [dest, step](const Value&) {
      copy_worker_state(*dest, step);
    }));
  };
  rt.resume_worker(w);
  return dest;
}

}  // namespace looplab::loop
