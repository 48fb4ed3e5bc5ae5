#pragma once
// asyncio.queues: Queue, PriorityQueue, LifoQueue (3.11).
//
// put()/get() loop while the queue is full/empty, each time parking a future in
// _putters/_getters (FIFO). put_nowait wakes the first getter that is not done and
// get_nowait the first putter (_wakeup_next pops waiters as it goes).

#include <deque>

#include "engine/loop/locks.hpp"

namespace looplab::loop {

class Queue : public LoopBound {
 public:
  enum class Kind : uint8_t { Fifo, Priority, Lifo };
  Queue(Runtime& rt, long maxsize = 0, Kind kind = Kind::Fifo);

  size_t qsize() const { return items_.size(); }
  long maxsize() const { return maxsize_; }
  bool empty() const { return items_.empty(); }
  bool full() const;
  Ref<Coroutine> put(Value item);
  void put_nowait(Value item);   // QueueFull
  Ref<Coroutine> get();
  Value get_nowait();            // QueueEmpty
  void task_done();              // ValueError when called too often
  Ref<Coroutine> join();
  long unfinished_tasks() const { return unfinished_tasks_; }
  // In storage order (a heap for PriorityQueue).
  const std::deque<Value>& items() const { return items_; }
  std::string repr() const override;

 private:
  static Co put_co(Ref<Queue> self, Value item);
  static Co get_co(Ref<Queue> self);
  static Co join_co(Ref<Queue> self);
  void put_item(Value item);
  Value get_item();
  void wakeup_next(std::deque<Ref<Future>>& waiters);
  // heapq's _siftdown/_siftup, so equal priorities pop exactly as CPython's.
  void sift_down(size_t start, size_t pos);
  void sift_up(size_t pos);

  Kind kind_;
  long maxsize_;
  std::deque<Value> items_;
  std::deque<Ref<Future>> getters_;
  std::deque<Ref<Future>> putters_;
  long unfinished_tasks_ = 0;
  Ref<AsyncEvent> finished_;
};

}  // namespace looplab::loop
