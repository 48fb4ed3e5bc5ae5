#pragma once
// asyncio.runners (3.11): asyncio.run(main) as Runner.run + Runner.close do it, so the
// task names and iteration counts at shutdown match CPython's:
//   main task (Task-N) -> run_until_complete -> cancel the leftover tasks (creation
//   order) and gather them -> shutdown_asyncgens task -> shutdown_default_executor
//   task (waits for the virtual workers) -> close the loop.

#include <functional>

#include "engine/loop/coroutine.hpp"

namespace looplab::loop {

class EventLoop;
class Runtime;

struct RunHooks {
  // loop.shutdown_asyncgens(): the language supplies it (it owns async generators);
  // null means "no async generator was ever iterated".
  std::function<Ref<Coroutine>(EventLoop&)> shutdown_asyncgens;
};

// Returns main's result or throws PyException with its exception, after the shutdown
// sequence ran. RunAborted passes through untouched.
Value run(Runtime& rt, Ref<Coroutine> main, const RunHooks& hooks = {});

// Runner.close's first step (runners._cancel_all_tasks).
void cancel_all_tasks(EventLoop& loop);

}  // namespace looplab::loop
