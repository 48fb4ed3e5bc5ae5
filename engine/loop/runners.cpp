#include "engine/loop/runners.hpp"

#include "engine/loop/native_task.hpp"
#include "engine/loop/runtime.hpp"
#include "engine/loop/tasks.hpp"

namespace looplab::loop {

namespace {

Co shutdown_asyncgens_noop() { co_return nullptr; }

// BaseEventLoop.shutdown_default_executor: a helper thread joins the executor's
// workers, then call_soon_threadsafe(future.set_result, None).
Co shutdown_default_executor(EventLoop& loop) {
  if (!loop.default_executor_used) co_return nullptr;
  Ref<Future> future = loop.create_future("shutdown_default_executor", WaitKind::Other);
  Ref<EventLoop> keep(&loop);
  loop.runtime().when_workers_idle([keep, future] {
    if (keep->is_closed()) return;
    keep->call_soon_threadsafe(make_callback("Future.set_result", [future](const Value&) {
      future->set_result(nullptr);
    }));
  });
  co_await future;
  co_return nullptr;
}

void close_runner(EventLoop& loop, const RunHooks& hooks) {
  cancel_all_tasks(loop);
  loop.run_until_complete(hooks.shutdown_asyncgens ? hooks.shutdown_asyncgens(loop)
                                                   : shutdown_asyncgens_noop().named("shutdown_asyncgens"));
  loop.run_until_complete(shutdown_default_executor(loop).named("shutdown_default_executor"));
  loop.close();
}

}  // namespace

void cancel_all_tasks(EventLoop& loop) {
  std::vector<Ref<Task>> to_cancel = all_tasks(loop);
  if (to_cancel.empty()) return;
  for (const Ref<Task>& t : to_cancel) t->cancel();
  std::vector<Value> aws(to_cancel.begin(), to_cancel.end());
  loop.run_until_complete(gather(loop, aws, true));
  for (const Ref<Task>& t : to_cancel) {
    if (t->cancelled()) continue;
    if (Value exc = t->exception()) {
      ExceptionContext ctx;
      ctx.message = "unhandled exception during asyncio.run() shutdown";
      ctx.exception = exc;
      ctx.task = Ref<Future>(t);
      loop.call_exception_handler(ctx);
    }
  }
}

Value run(Runtime& rt, Ref<Coroutine> main, const RunHooks& hooks) {
  if (rt.running_loop())
    throw PyException(rt.host().new_exception(ExcKind::RuntimeError,
                                              "asyncio.run() cannot be called from a running event loop"));
  Ref<EventLoop> loop(new EventLoop(rt));
  Ref<Task> task = loop->create_task(std::move(main));
  Value result;
  try {
    result = loop->run_until_complete(Ref<Future>(task));
  } catch (const PyException&) {
    close_runner(*loop, hooks);
    throw;
  }
  close_runner(*loop, hooks);
  return result;
}

}  // namespace looplab::loop
