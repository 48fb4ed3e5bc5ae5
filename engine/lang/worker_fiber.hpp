#pragma once
// A Python callable run by a virtual worker thread (run_in_executor, to_thread) on its
// own fiber: `time.sleep(d)` inside it suspends the fiber (WorkerStep::sleep) and the
// Runtime resumes it at its wake-up time. The VM's frame chain is switched with the
// fiber, so the worker's Python frames never mix with the loop thread's.

#include <ucontext.h>

#include <exception>
#include <memory>
#include <vector>

#include "engine/lang/object.hpp"
#include "engine/loop/executor.hpp"

namespace looplab::lang {

class PyWorkerJob final : public loop::WorkerJob {
 public:
  // `kwnames` names the last keyword values of `args` (or is Null).
  PyWorkerJob(Value fn, std::vector<Value> args, Value kwnames);
  loop::WorkerStep resume() override;
  // time.sleep(d) on this worker's fiber: suspends it.
  void sleep(double d);

 private:
  static void entry(unsigned lo, unsigned hi);
  void run_body();

  Value fn_;
  std::vector<Value> args_;
  Value kwnames_;
  loop::WorkerStep step_;
  std::exception_ptr foreign_;  // RunAborted / StopRun, rethrown on the loop's side
  ucontext_t caller_{};
  ucontext_t fiber_{};
  std::unique_ptr<char[]> stack_;
  // AddressSanitizer must be told about each stack switch (see worker_fiber.cpp).
  const void* caller_stack_ = nullptr;
  size_t caller_stack_size_ = 0;
  Frame* frame_ = nullptr;  // the fiber's frame chain while it is suspended
  int depth_ = 0;
  bool started_ = false;
};

// The worker whose fiber is running, or null on the loop's thread.
PyWorkerJob* current_worker();

}  // namespace looplab::lang
