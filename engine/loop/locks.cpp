#include "engine/loop/locks.hpp"

#include <algorithm>

#include "engine/loop/base_events.hpp"
#include "engine/loop/runtime.hpp"

namespace looplab::loop {

namespace {

bool is_cancelled(Runtime& rt, const Value& exc) { return rt.host().is_cancelled_error(exc); }

PyException runtime_error(Runtime& rt, const std::string& msg) {
  return PyException(rt.host().new_exception(ExcKind::RuntimeError, msg));
}

}  // namespace

// [SECTION] LoopBound ----------------------------------------------------------------

EventLoop& LoopBound::get_loop() {
  EventLoop* loop = rt_->running_loop();
  if (!loop) throw runtime_error(*rt_, "no running event loop");
  if (!loop_) loop_ = loop;
  if (loop_ != loop) throw runtime_error(*rt_, repr() + " is bound to a different event loop");
  return *loop_;
}

void LoopBound::remove_waiter(std::deque<Ref<Future>>& waiters, const Ref<Future>& fut) {
  auto it = std::find(waiters.begin(), waiters.end(), fut);
  if (it != waiters.end()) waiters.erase(it);
}

// [SECTION] Lock ---------------------------------------------------------------------

Ref<Coroutine> Lock::acquire() { return acquire_co(Ref<Lock>(this)).named("Lock.acquire"); }

Co Lock::acquire_co(Ref<Lock> self) {
  Runtime& rt = self->runtime();
  const bool all_cancelled = std::all_of(self->waiters_.begin(), self->waiters_.end(),
                                         [](const Ref<Future>& w) { return w->cancelled(); });
  if (!self->locked_ && all_cancelled) {
    self->locked_ = true;
    co_return rt.host().new_bool(true);
  }
  Ref<Future> fut = self->get_loop().create_future("Lock.acquire", WaitKind::Lock);
  self->waiters_.push_back(fut);
  try {
    co_await fut;
  } catch (const PyException& e) {
    remove_waiter(self->waiters_, fut);
    if (is_cancelled(rt, e.value) && !self->locked_) self->wake_up_first();
    throw;
  }
  remove_waiter(self->waiters_, fut);
  self->locked_ = true;
  co_return rt.host().new_bool(true);
}

void Lock::release_lock() {
  if (!locked_) throw runtime_error(*rt_, "Lock is not acquired.");
  locked_ = false;
  wake_up_first();
}

void Lock::wake_up_first() {
  if (waiters_.empty()) return;
  // Only the first waiter: a done one will take the lock or pass it on when it wakes.
  Ref<Future> fut = waiters_.front();
  if (!fut->done()) fut->set_result(rt_->host().new_bool(true));
}

std::string Lock::repr() const {
  std::string extra = locked_ ? "locked" : "unlocked";
  if (!waiters_.empty()) extra += ", waiters:" + std::to_string(waiters_.size());
  return "<asyncio.locks.Lock object [" + extra + "]>";
}

// [SECTION] Event --------------------------------------------------------------------

void AsyncEvent::set() {
  if (value_) return;
  value_ = true;
  for (const Ref<Future>& fut : std::deque<Ref<Future>>(waiters_))
    if (!fut->done()) fut->set_result(rt_->host().new_bool(true));
}

Ref<Coroutine> AsyncEvent::wait() { return wait_co(Ref<AsyncEvent>(this)).named("Event.wait"); }

Co AsyncEvent::wait_co(Ref<AsyncEvent> self) {
  Host& host = self->runtime().host();
  if (self->value_) co_return host.new_bool(true);
  Ref<Future> fut = self->get_loop().create_future("Event.wait", WaitKind::Event);
  self->waiters_.push_back(fut);
  try {
    co_await fut;
  } catch (const PyException&) {
    remove_waiter(self->waiters_, fut);
    throw;
  }
  remove_waiter(self->waiters_, fut);
  co_return host.new_bool(true);
}

std::string AsyncEvent::repr() const {
  std::string extra = value_ ? "set" : "unset";
  if (!waiters_.empty()) extra += ", waiters:" + std::to_string(waiters_.size());
  return "<asyncio.locks.Event object [" + extra + "]>";
}

// [SECTION] Condition ----------------------------------------------------------------

Condition::Condition(Runtime& rt, Ref<Lock> lock)
    : LoopBound(rt), lock_(lock ? std::move(lock) : Ref<Lock>(new Lock(rt))) {}

Ref<Coroutine> Condition::wait() { return wait_co(Ref<Condition>(this)).named("Condition.wait"); }

Co Condition::wait_co(Ref<Condition> self) {
  Runtime& rt = self->runtime();
  Host& host = rt.host();
  if (!self->locked()) throw runtime_error(rt, "cannot wait on un-acquired lock");
  self->release_lock();
  Value error;  // what escaped the wait, re-raised after the lock is re-acquired
  try {
    Ref<Future> fut = self->get_loop().create_future("Condition.wait", WaitKind::Condition);
    self->waiters_.push_back(fut);
    try {
      co_await fut;
    } catch (const PyException&) {
      remove_waiter(self->waiters_, fut);
      throw;
    }
    remove_waiter(self->waiters_, fut);
  } catch (const PyException& e) {
    error = e.value;
  }
  bool cancelled = false;
  while (true) {
    try {
      co_await self->lock_->acquire();
      break;
    } catch (const PyException& e) {
      if (!is_cancelled(rt, e.value)) throw;
      cancelled = true;
    }
  }
  if (cancelled) {
    Value exc = host.new_cancelled_error(nullptr);
    if (error) host.set_context(exc, error);
    throw PyException(exc);
  }
  if (error) throw PyException(error);
  co_return host.new_bool(true);
}

void Condition::notify(size_t n) {
  if (!locked()) throw runtime_error(*rt_, "cannot notify on un-acquired lock");
  size_t idx = 0;
  for (const Ref<Future>& fut : std::deque<Ref<Future>>(waiters_)) {
    if (idx >= n) break;
    if (!fut->done()) {
      ++idx;
      fut->set_result(rt_->host().new_bool(false));
    }
  }
}

std::string Condition::repr() const {
  std::string extra = locked() ? "locked" : "unlocked";
  if (!waiters_.empty()) extra += ", waiters:" + std::to_string(waiters_.size());
  return "<asyncio.locks.Condition object [" + extra + "]>";
}

// [SECTION] Semaphore ----------------------------------------------------------------

Semaphore::Semaphore(Runtime& rt, long value) : LoopBound(rt), value_(value) {
  if (value < 0)
    throw PyException(rt.host().new_exception(ExcKind::ValueError, "Semaphore initial value must be >= 0"));
}

bool Semaphore::locked() const {
  return value_ == 0 ||
         std::any_of(waiters_.begin(), waiters_.end(), [](const Ref<Future>& w) { return !w->cancelled(); });
}

Ref<Coroutine> Semaphore::acquire() { return acquire_co(Ref<Semaphore>(this)).named("Semaphore.acquire"); }

Co Semaphore::acquire_co(Ref<Semaphore> self) {
  Runtime& rt = self->runtime();
  if (!self->locked()) {
    --self->value_;
    co_return rt.host().new_bool(true);
  }
  Ref<Future> fut = self->get_loop().create_future("Semaphore.acquire", WaitKind::Semaphore);
  self->waiters_.push_back(fut);
  try {
    co_await fut;
  } catch (const PyException& e) {
    // The waiter leaves the deque before the cancel handling, so it cannot wake itself.
    remove_waiter(self->waiters_, fut);
    if (is_cancelled(rt, e.value) && !fut->cancelled()) {
      ++self->value_;
      self->wake_up_next();
    }
    throw;
  }
  remove_waiter(self->waiters_, fut);
  if (self->value_ > 0) self->wake_up_next();
  co_return rt.host().new_bool(true);
}

void Semaphore::release_lock() {
  ++value_;
  wake_up_next();
}

void Semaphore::wake_up_next() {
  for (const Ref<Future>& fut : waiters_) {
    if (!fut->done()) {
      --value_;
      Ref<Future> keep = fut;
      keep->set_result(rt_->host().new_bool(true));
      return;
    }
  }
}

std::string Semaphore::repr() const {
  std::string extra = locked() ? "locked" : "unlocked, value:" + std::to_string(value_);
  if (!waiters_.empty()) extra += ", waiters:" + std::to_string(waiters_.size());
  return "<asyncio.locks.Semaphore object [" + extra + "]>";
}

void BoundedSemaphore::release_lock() {
  if (value_ >= bound_value_)
    throw PyException(runtime().host().new_exception(ExcKind::ValueError, "BoundedSemaphore released too many times"));
  Semaphore::release_lock();
}

}  // namespace looplab::loop
