#include "engine/loop/queues.hpp"

#include "engine/loop/base_events.hpp"
#include "engine/loop/runtime.hpp"

namespace looplab::loop {

Queue::Queue(Runtime& rt, long maxsize, Kind kind)
    : LoopBound(rt), kind_(kind), maxsize_(maxsize), finished_(new AsyncEvent(rt)) {
  finished_->set();
}

bool Queue::full() const {
  if (maxsize_ <= 0) return false;
  return static_cast<long>(qsize()) >= maxsize_;
}

void Queue::wakeup_next(std::deque<Ref<Future>>& waiters) {
  while (!waiters.empty()) {
    Ref<Future> waiter = std::move(waiters.front());
    waiters.pop_front();
    if (!waiter->done()) {
      waiter->set_result(nullptr);
      break;
    }
  }
}

// [SECTION] put ----------------------------------------------------------------------

Ref<Coroutine> Queue::put(Value item) { return put_co(Ref<Queue>(this), std::move(item)).named("Queue.put"); }

Co Queue::put_co(Ref<Queue> self, Value item) {
  while (self->full()) {
    Ref<Future> putter = self->get_loop().create_future("Queue.put", WaitKind::Queue);
    self->putters_.push_back(putter);
    try {
      co_await putter;
    } catch (const PyException&) {
      putter->cancel();
      remove_waiter(self->putters_, putter);
      // Woken by get_nowait but leaving: pass the free slot to the next putter.
      if (!self->full() && !putter->cancelled()) self->wakeup_next(self->putters_);
      throw;
    }
  }
  self->put_nowait(std::move(item));
  co_return nullptr;
}

void Queue::put_nowait(Value item) {
  if (full()) throw PyException(runtime().host().new_exception(ExcKind::QueueFull, ""));
  put_item(std::move(item));
  ++unfinished_tasks_;
  finished_->clear();
  wakeup_next(getters_);
}

void Queue::put_item(Value item) {
  items_.push_back(std::move(item));
  if (kind_ == Kind::Priority) sift_down(0, items_.size() - 1);
}

// [SECTION] get ----------------------------------------------------------------------

Ref<Coroutine> Queue::get() { return get_co(Ref<Queue>(this)).named("Queue.get"); }

Co Queue::get_co(Ref<Queue> self) {
  while (self->empty()) {
    Ref<Future> getter = self->get_loop().create_future("Queue.get", WaitKind::Queue);
    self->getters_.push_back(getter);
    try {
      co_await getter;
    } catch (const PyException&) {
      getter->cancel();
      remove_waiter(self->getters_, getter);
      // Woken by put_nowait but leaving: pass the item to the next getter.
      if (!self->empty() && !getter->cancelled()) self->wakeup_next(self->getters_);
      throw;
    }
  }
  co_return self->get_nowait();
}

Value Queue::get_nowait() {
  if (empty()) throw PyException(runtime().host().new_exception(ExcKind::QueueEmpty, ""));
  Value item = get_item();
  wakeup_next(putters_);
  return item;
}

Value Queue::get_item() {
  Value item;
  switch (kind_) {
    case Kind::Fifo:
      item = std::move(items_.front());
      items_.pop_front();
      break;
    case Kind::Lifo:
      item = std::move(items_.back());
      items_.pop_back();
      break;
    case Kind::Priority: {
      // heapq.heappop: move the last item to the root and sift it.
      Value last = std::move(items_.back());
      items_.pop_back();
      if (items_.empty()) return last;
      item = std::exchange(items_.front(), std::move(last));
      sift_up(0);
      break;
    }
  }
  return item;
}

void Queue::sift_down(size_t start, size_t pos) {
  Host& host = runtime().host();
  Value newitem = items_[pos];
  while (pos > start) {
    const size_t parentpos = (pos - 1) >> 1;
    if (!host.less(newitem, items_[parentpos])) break;
    items_[pos] = items_[parentpos];
    pos = parentpos;
  }
  items_[pos] = std::move(newitem);
}

void Queue::sift_up(size_t pos) {
  Host& host = runtime().host();
  const size_t endpos = items_.size();
  const size_t startpos = pos;
  Value newitem = items_[pos];
  size_t childpos = 2 * pos + 1;
  while (childpos < endpos) {
    const size_t rightpos = childpos + 1;
    if (rightpos < endpos && !host.less(items_[childpos], items_[rightpos])) childpos = rightpos;
    items_[pos] = items_[childpos];
    pos = childpos;
    childpos = 2 * pos + 1;
  }
  items_[pos] = std::move(newitem);
  sift_down(startpos, pos);
}

// [SECTION] task_done / join ---------------------------------------------------------

void Queue::task_done() {
  if (unfinished_tasks_ <= 0)
    throw PyException(runtime().host().new_exception(ExcKind::ValueError, "task_done() called too many times"));
  if (--unfinished_tasks_ == 0) finished_->set();
}

Ref<Coroutine> Queue::join() { return join_co(Ref<Queue>(this)).named("Queue.join"); }

Co Queue::join_co(Ref<Queue> self) {
  if (self->unfinished_tasks_ > 0) co_await self->finished_->wait();
  co_return nullptr;
}

std::string Queue::repr() const {
  const char* name = kind_ == Kind::Fifo ? "Queue" : kind_ == Kind::Lifo ? "LifoQueue" : "PriorityQueue";
  std::string out = std::string("<") + name + " maxsize=" + std::to_string(maxsize_);
  if (!getters_.empty()) out += " _getters[" + std::to_string(getters_.size()) + "]";
  if (!putters_.empty()) out += " _putters[" + std::to_string(putters_.size()) + "]";
  if (unfinished_tasks_) out += " tasks=" + std::to_string(unfinished_tasks_);
  return out + ">";
}

}  // namespace looplab::loop
