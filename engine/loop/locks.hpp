#pragma once
// asyncio.locks (3.11): Lock, Event (AsyncEvent), Condition, Semaphore, BoundedSemaphore.
//
// Waiters are futures in a FIFO deque. A release hands over by resolving the first
// waiter that is not done (Lock._wake_up_first / Semaphore._wake_up_next); the waiter
// takes the lock when its task wakes, one iteration later, and a fresh acquire() that
// runs in between cannot barge ahead of it while a non-cancelled waiter exists.
//
// acquire()/wait() return Coroutines to await by delegation (they are `async def`
// in CPython); `async with` is acquire() then release_lock().
//
// asyncio's `release()` is `release_lock()` here: Object::release() is the reference
// count's "last reference gone" hook, and a same-named method on a subclass would be
// what Ref<T> calls.

#include <deque>

#include "engine/loop/coroutine.hpp"
#include "engine/loop/futures.hpp"
#include "engine/loop/native_task.hpp"
#include "engine/loop/object.hpp"

namespace looplab::loop {

class Runtime;

// mixins._LoopBoundMixin: the primitive binds to the running loop on first wait.
class LoopBound : public Object {
 public:
  explicit LoopBound(Runtime& rt) : rt_(&rt) {}
  Runtime& runtime() const { return *rt_; }

 protected:
  EventLoop& get_loop();
  virtual std::string repr() const = 0;
  // Removes `fut` from `waiters` (deque.remove: the first equal one).
  static void remove_waiter(std::deque<Ref<Future>>& waiters, const Ref<Future>& fut);

  Runtime* rt_;
  EventLoop* loop_ = nullptr;
};

class Lock : public LoopBound {
 public:
  explicit Lock(Runtime& rt) : LoopBound(rt) {}
  bool locked() const { return locked_; }
  Ref<Coroutine> acquire();
  void release_lock();
  std::string repr() const override;
  size_t waiter_count() const { return waiters_.size(); }

 private:
  static Co acquire_co(Ref<Lock> self);
  void wake_up_first();
  std::deque<Ref<Future>> waiters_;
  bool locked_ = false;
};

// asyncio.Event (named apart from the trace's Event record).
class AsyncEvent : public LoopBound {
 public:
  explicit AsyncEvent(Runtime& rt) : LoopBound(rt) {}
  bool is_set() const { return value_; }
  void set();
  void clear() { value_ = false; }
  Ref<Coroutine> wait();
  std::string repr() const override;

 private:
  static Co wait_co(Ref<AsyncEvent> self);
  std::deque<Ref<Future>> waiters_;
  bool value_ = false;
};

class Condition : public LoopBound {
 public:
  // A null lock makes a new Lock.
  Condition(Runtime& rt, Ref<Lock> lock = nullptr);
  bool locked() const { return lock_->locked(); }
  Ref<Coroutine> acquire() { return lock_->acquire(); }
  void release_lock() { lock_->release_lock(); }
  Ref<Coroutine> wait();
  void notify(size_t n = 1);
  void notify_all() { notify(waiters_.size()); }
  const Ref<Lock>& lock() const { return lock_; }
  std::string repr() const override;

 private:
  static Co wait_co(Ref<Condition> self);
  Ref<Lock> lock_;
  std::deque<Ref<Future>> waiters_;
};

class Semaphore : public LoopBound {
 public:
  // ValueError if value < 0.
  Semaphore(Runtime& rt, long value = 1);
  bool locked() const;
  Ref<Coroutine> acquire();
  virtual void release_lock();
  long value() const { return value_; }
  std::string repr() const override;

 protected:
  static Co acquire_co(Ref<Semaphore> self);
  void wake_up_next();
  std::deque<Ref<Future>> waiters_;
  long value_;
};

class BoundedSemaphore final : public Semaphore {
 public:
  BoundedSemaphore(Runtime& rt, long value = 1) : Semaphore(rt, value), bound_value_(value) {}
  void release_lock() override;

 private:
  long bound_value_;
};

}  // namespace looplab::loop
