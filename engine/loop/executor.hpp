#pragma once
// Virtual worker threads: loop.run_in_executor(None, f) / asyncio.to_thread(f).
//
// A worker runs a WorkerJob (the VM runs a Python function on its own fiber and turns
// time.sleep(d) into a Sleep step). It starts immediately, inside run_in_executor, and
// runs until it sleeps or ends. Its end reaches the asyncio future the way
// futures.wrap_future chains a concurrent future: the concurrent future's done-callback
// calls loop.call_soon_threadsafe(_set_state), whose handle sets the asyncio future.

#include <functional>
#include <string>

#include "engine/loop/futures.hpp"
#include "engine/loop/object.hpp"

namespace looplab::loop {

struct WorkerStep {
  enum class Kind : uint8_t { Sleep, Done, Raised };
  Kind kind = Kind::Done;
  double delay = 0.0;  // Sleep
  Value value;         // Done: result; Raised: exception
  static WorkerStep sleep(double d) { return {Kind::Sleep, d, nullptr}; }
  static WorkerStep done(Value v) { return {Kind::Done, 0.0, std::move(v)}; }
  static WorkerStep raised(Value e) { return {Kind::Raised, 0.0, std::move(e)}; }
};

class WorkerJob : public Object {
 public:
  // Runs until the job sleeps or ends. The clock reads the wake-up time while it runs.
  virtual WorkerStep resume() = 0;
};

struct Worker {
  enum class Phase : uint8_t { Running, Sleeping, Finished };
  uint32_t id = 0;
  Ref<WorkerJob> job;
  Phase phase = Phase::Running;
  double wake = -1.0;  // the last time.sleep's wake-up time
  uint64_t sleep_seq = 0;
  // The concurrent future's done-callback (set by run_in_executor).
  std::function<void(const WorkerStep&)> on_done;
};

// loop.run_in_executor(None, job): starts the worker now; `name` is the function's name
// for the trace.
Ref<Future> run_in_executor(EventLoop& loop, Ref<WorkerJob> job, std::string_view name);

}  // namespace looplab::loop
