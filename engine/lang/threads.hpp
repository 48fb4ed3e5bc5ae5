#pragma once
// Virtual threads with names (issue 4): the threads of `threading`, of
// concurrent.futures.ThreadPoolExecutor and of asyncio's default executor. Each runs on
// a PyWorkerJob fiber under the Runtime's worker scheduling (DESIGN.md's time model).

#include "engine/lang/worker_fiber.hpp"
#include "engine/loop/base_events.hpp"

namespace looplab::lang {

// The job run_in_executor(None, ...) / to_thread hand to the Runtime: `fiber` runs on a
// thread of `loop`'s default executor, named as CPython names them (`asyncio_<n>`, an
// idle thread reused before a new one is made).
loop::Ref<loop::WorkerJob> default_executor_job(loop::EventLoop& loop, loop::Ref<PyWorkerJob> fiber);

}  // namespace looplab::lang
