// Virtual worker threads on fibers (ucontext): one small stack per job, switched in and
// out by the Runtime's worker scheduling.
#include "engine/lang/worker_fiber.hpp"

#include <cstdint>

#include "engine/lang/errors.hpp"
#include "engine/lang/loop_host.hpp"
#include "engine/lang/vm.hpp"

namespace looplab::lang {

namespace {
constexpr size_t kFiberStack = 512 * 1024;
thread_local PyWorkerJob* t_worker = nullptr;
}  // namespace

PyWorkerJob* current_worker() { return t_worker; }

PyWorkerJob::PyWorkerJob(Value fn, std::vector<Value> args, Value kwnames)
    : fn_(std::move(fn)), args_(std::move(args)), kwnames_(std::move(kwnames)) {}

void PyWorkerJob::entry(unsigned lo, unsigned hi) {
  auto bits = (static_cast<uintptr_t>(hi) << 32) | static_cast<uintptr_t>(lo);
  reinterpret_cast<PyWorkerJob*>(bits)->run_body();
}

void PyWorkerJob::run_body() {
  try {
    Tuple* kw = kwnames_.is_null() ? nullptr : kwnames_.as<Tuple>();
    Value r = vm().call(fn_, args_.data(), args_.size(), kw);
    step_ = loop::WorkerStep::done(to_loop(r));
  } catch (PyException& e) {
    step_ = loop::WorkerStep::raised(to_loop(e.exc));
  } catch (...) {
    foreign_ = std::current_exception();
  }
  args_.clear();
}

loop::WorkerStep PyWorkerJob::resume() {
  VM& v = vm();
  Frame* caller_frame = v.frame;
  int caller_depth = v.depth;
  PyWorkerJob* outer = t_worker;
  if (!started_) {
    started_ = true;
    depth_ = caller_depth;
    stack_ = std::make_unique<char[]>(kFiberStack);
    getcontext(&fiber_);
    fiber_.uc_stack.ss_sp = stack_.get();
    fiber_.uc_stack.ss_size = kFiberStack;
    fiber_.uc_link = &caller_;
    auto bits = reinterpret_cast<uintptr_t>(this);
    makecontext(&fiber_, reinterpret_cast<void (*)()>(&PyWorkerJob::entry), 2,
                static_cast<unsigned>(bits & 0xffffffffu), static_cast<unsigned>(bits >> 32));
  }
  v.frame = frame_;
  v.depth = depth_;
  t_worker = this;
  swapcontext(&caller_, &fiber_);
  t_worker = outer;
  frame_ = v.frame;
  depth_ = v.depth;
  v.frame = caller_frame;
  v.depth = caller_depth;
  if (foreign_) std::rethrow_exception(std::exchange(foreign_, nullptr));
  return step_;
}

void PyWorkerJob::sleep(double d) {
  step_ = loop::WorkerStep::sleep(d);
  swapcontext(&fiber_, &caller_);
}

}  // namespace looplab::lang
