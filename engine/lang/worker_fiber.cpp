// Virtual worker threads on fibers (ucontext): one small stack per job, switched in and
// out by the Runtime's worker scheduling.
#include "engine/lang/worker_fiber.hpp"

#include <cstdint>

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/common_interface_defs.h>
#endif

#include "engine/lang/errors.hpp"
#include "engine/lang/loop_host.hpp"
#include "engine/lang/vm.hpp"

namespace looplab::lang {

namespace {
constexpr size_t kFiberStack = 512 * 1024;
thread_local PyWorkerJob* t_worker = nullptr;

// Without these annotations AddressSanitizer believes a C++ exception thrown on a fiber
// unwinds the loop thread's stack, and reports stack-use-after-scope where there is none.
// `fake` is null when the stack being left is finished for good.
void enter_stack(void** fake, const void* bottom, size_t size) {
#if defined(__SANITIZE_ADDRESS__)
  __sanitizer_start_switch_fiber(fake, bottom, size);
#else
  (void)fake, (void)bottom, (void)size;
#endif
}

void entered_stack(void* fake, const void** old_bottom, size_t* old_size) {
#if defined(__SANITIZE_ADDRESS__)
  __sanitizer_finish_switch_fiber(fake, old_bottom, old_size);
#else
  (void)fake, (void)old_bottom, (void)old_size;
#endif
}
}  // namespace

PyWorkerJob* current_worker() { return t_worker; }

PyWorkerJob::PyWorkerJob(Value fn, std::vector<Value> args, Value kwnames)
    : fn_(std::move(fn)), args_(std::move(args)), kwnames_(std::move(kwnames)) {}

void PyWorkerJob::entry(unsigned lo, unsigned hi) {
  auto bits = (static_cast<uintptr_t>(hi) << 32) | static_cast<uintptr_t>(lo);
  auto* job = reinterpret_cast<PyWorkerJob*>(bits);
  entered_stack(nullptr, &job->caller_stack_, &job->caller_stack_size_);
  job->run_body();
  enter_stack(nullptr, job->caller_stack_, job->caller_stack_size_);
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
  void* fake = nullptr;
  enter_stack(&fake, stack_.get(), kFiberStack);
  swapcontext(&caller_, &fiber_);
  entered_stack(fake, nullptr, nullptr);
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
  void* fake = nullptr;
  enter_stack(&fake, caller_stack_, caller_stack_size_);
  swapcontext(&fiber_, &caller_);
  entered_stack(fake, &caller_stack_, &caller_stack_size_);
}

}  // namespace looplab::lang
