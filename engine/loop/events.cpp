#include "engine/loop/events.hpp"

#include "engine/loop/base_events.hpp"
#include "engine/loop/runtime.hpp"

namespace looplab::loop {

void Handle::cancel() {
  if (cancelled_) return;
  cancelled_ = true;
  if (queued) loop_->runtime().record(EventKind::HandleCancelled, id_);
  // Handle.cancel drops the callback and its arguments at once (breaks cycles).
  callback_ = nullptr;
  arg_ = nullptr;
}

void Handle::run() {
  Runtime& rt = loop_->runtime();
  if (callback_->is_user_code()) rt.record(EventKind::CallbackRun, id_, rt.intern(describe()));
  try {
    callback_->call(arg_);
  } catch (const PyException& e) {
    ExceptionContext ctx;
    ctx.message = "Exception in callback " + describe();
    ctx.exception = e.value;
    ctx.handle = Ref<Handle>(this);
    loop_->call_exception_handler(ctx);
  }
}

void TimerHandle::cancel() {
  if (cancelled_) return;
  const bool in_heap = scheduled;
  if (in_heap) loop_->timer_handle_cancelled(*this);
  Handle::cancel();
  if (in_heap) loop_->runtime().record(EventKind::TimerCancelled, timer_id_);
}

}  // namespace looplab::loop
