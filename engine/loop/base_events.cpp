#include "engine/loop/base_events.hpp"

#include <algorithm>

#include "engine/loop/executor.hpp"
#include "engine/loop/runtime.hpp"
#include "engine/loop/tasks.hpp"

namespace looplab::loop {

// [SECTION] Timer heap ---------------------------------------------------------------

namespace {

constexpr size_t kHeapArity = 4;

void sift_up(std::vector<ScheduledTimer>& heap, size_t i) {
  ScheduledTimer t = std::move(heap[i]);
  while (i > 0) {
    const size_t parent = (i - 1) / kHeapArity;
    if (!t.fires_before(heap[parent])) break;
    heap[i] = std::move(heap[parent]);
    i = parent;
  }
  heap[i] = std::move(t);
}

void sift_down(std::vector<ScheduledTimer>& heap, size_t i) {
  const size_t n = heap.size();
  ScheduledTimer t = std::move(heap[i]);
  while (true) {
    const size_t first = i * kHeapArity + 1;
    if (first >= n) break;
    const size_t end = std::min(first + kHeapArity, n);
    size_t best = first;
    for (size_t c = first + 1; c < end; ++c)
      if (heap[c].fires_before(heap[best])) best = c;
    if (!heap[best].fires_before(t)) break;
    heap[i] = std::move(heap[best]);
    i = best;
  }
  heap[i] = std::move(t);
}

void heap_push(std::vector<ScheduledTimer>& heap, ScheduledTimer t) {
  heap.push_back(std::move(t));
  sift_up(heap, heap.size() - 1);
}

ScheduledTimer heap_pop(std::vector<ScheduledTimer>& heap) {
  ScheduledTimer top = std::move(heap.front());
  ScheduledTimer last = std::move(heap.back());
  heap.pop_back();
  if (!heap.empty()) {
    heap.front() = std::move(last);
    sift_down(heap, 0);
  }
  return top;
}

void heapify(std::vector<ScheduledTimer>& heap) {
  for (size_t i = heap.size() / kHeapArity + 1; i-- > 0;)
    if (i < heap.size()) sift_down(heap, i);
}

}  // namespace

EventLoop::EventLoop(Runtime& rt) : rt_(&rt), id_(rt.loop_count()) { rt.register_loop(this); }

EventLoop::~EventLoop() { rt_->forget_loop(this); }

double EventLoop::time() const { return rt_->now(); }

void EventLoop::check_closed() const {
  if (closed_)
    throw PyException(rt_->host().new_exception(ExcKind::RuntimeError, "Event loop is closed"));
}

// [SECTION] Scheduling ---------------------------------------------------------------

void EventLoop::enqueue(Ref<Handle> h) {
  h->queued = true;
  ready_.push_back(std::move(h));
}

Ref<Handle> EventLoop::call_soon(Ref<Callback> cb, Value arg) {
  check_closed();
  Ref<Handle> h(new Handle(this, std::move(cb), std::move(arg), rt_->next_handle_id()));
  h->set_task(rt_->current_task_id(), HandleRole::Callback);
  if (rt_->recording()) h->trace_description = rt_->intern_description(*h->callback());
  enqueue(h);
  rt_->record(EventKind::HandleQueued, h->id(), h->trace_description, h->task());
  return h;
}

void EventLoop::call_soon_task(Ref<Callback> cb, Value arg, Task& task, HandleRole role) {
  check_closed();
  Ref<Handle> h(new Handle(this, std::move(cb), std::move(arg), rt_->next_handle_id()));
  h->set_task(task.id(), role);
  task.set_queued(true);
  const uint32_t id = h->id();
  enqueue(std::move(h));
  rt_->record(EventKind::TaskScheduled, task.id(), id, 0, static_cast<uint8_t>(role));
}

Ref<Handle> EventLoop::call_soon_threadsafe(Ref<Callback> cb, Value arg) {
  return call_soon(std::move(cb), std::move(arg));
}

Ref<TimerHandle> EventLoop::call_later(double delay, Ref<Callback> cb, Value arg) {
  return call_at(time() + delay, std::move(cb), std::move(arg));
}

Ref<TimerHandle> EventLoop::call_at(double when, Ref<Callback> cb, Value arg) {
  check_closed();
  Trace& tr = rt_->trace();
  const auto timer_id = static_cast<uint32_t>(tr.timers.size());
  const uint64_t seq = rt_->next_timer_seq();
  Ref<TimerHandle> h(new TimerHandle(this, std::move(cb), std::move(arg), rt_->next_handle_id(), when,
                                     rt_->recording() ? timer_id : kNone));
  // A timer that resolves a sleep wakes the task that sleeps.
  const uint32_t task = rt_->current_task_id();
  h->set_task(task, HandleRole::Callback);
  if (rt_->recording()) {
    h->trace_description = rt_->intern_description(*h->callback());
    tr.timers.push_back({when, seq, h->id(), task, h->trace_description});
  }
  h->scheduled = true;
  heap_push(scheduled_, {when, seq, h});
  rt_->record(EventKind::TimerScheduled, timer_id, task);
  return h;
}

void EventLoop::timer_handle_cancelled(TimerHandle& h) {
  if (h.scheduled) ++timer_cancelled_count_;
}

Ref<Future> EventLoop::create_future(const char* description, WaitKind kind) {
  return Ref<Future>(new Future(*this, description, kind));
}

Ref<Task> EventLoop::create_task(Ref<Coroutine> coro, const std::string* name) {
  check_closed();
  return Ref<Task>(new Task(*this, std::move(coro), name));
}

// [SECTION] One iteration ------------------------------------------------------------

void EventLoop::run_once() {
  rt_->iteration_++;
  rt_->record(EventKind::LoopIterationBegin, id_, static_cast<uint32_t>(ready_.size()));
  purge_cancelled_timers();            // 1
  rt_->count_callbacks(ready_.size());
  if (ready_.empty() && !stopping_) select();  // 2
  move_due_timers();                   // 3
  run_ready(ready_.size());            // 4
}

void EventLoop::purge_cancelled_timers() {
  const size_t sched_count = scheduled_.size();
  if (sched_count > kMinScheduledTimerHandles &&
      static_cast<double>(timer_cancelled_count_) / static_cast<double>(sched_count) >
          kMinCancelledTimerHandlesFraction) {
    std::vector<ScheduledTimer> kept;
    kept.reserve(sched_count);
    for (ScheduledTimer& t : scheduled_) {
      if (t.handle->cancelled()) {
        t.handle->scheduled = false;
      } else {
        kept.push_back(std::move(t));
      }
    }
    heapify(kept);
    scheduled_.swap(kept);
    timer_cancelled_count_ = 0;
    return;
  }
  while (!scheduled_.empty() && scheduled_.front().handle->cancelled()) {
    --timer_cancelled_count_;
    heap_pop(scheduled_).handle->scheduled = false;
  }
}

// The virtual selector: nothing is ready, so block until the earliest timer or
// worker wake-up. Workers due at or before the earliest timer run first; a worker that
// finished has queued its handle (call_soon_threadsafe) and ends the wait.
void EventLoop::select() {
  while (ready_.empty()) {
    Worker* w = rt_->next_sleeping_worker();
    const bool have_timer = !scheduled_.empty();
    if (w && (!have_timer || w->wake <= scheduled_.front().when)) {
      rt_->run_workers_until(std::max(w->wake, rt_->now()));
      continue;
    }
    if (!have_timer) rt_->deadlock(this);
    rt_->advance_clock(scheduled_.front().when);
    return;
  }
}

void EventLoop::move_due_timers() {
  const double end_time = time() + kClockResolution;
  while (!scheduled_.empty()) {
    if (scheduled_.front().when >= end_time) break;
    Ref<TimerHandle> h = heap_pop(scheduled_).handle;
    if (!scheduled_.empty()) prefetch_object(scheduled_.front().handle.get());  // the next one out
    h->scheduled = false;
    const uint32_t timer = h->timer_id(), id = h->id();
    enqueue(std::move(h));
    rt_->record(EventKind::TimerFired, timer, id);
  }
}

// Handles run in queue order, and at 100k tasks the objects each one touches first (its
// future, the task it wakes, the task's coroutine frame) are cache misses paid one after
// another. Warming them up a few handles ahead, one link of the chain per stage, lets
// those misses overlap. Only the loads move: what runs, and in which order, does not.
void EventLoop::run_ready(size_t ntodo) {
  constexpr size_t kAhead[] = {2, 6, 11};  // how far ahead stage 0, 1, 2 runs
  for (size_t i = 0; i < ntodo; ++i) {
    for (int stage = 0; stage < 3; ++stage)
      if (i + kAhead[stage] < ntodo) ready_[kAhead[stage]]->prefetch(stage);
    Ref<Handle> h = std::move(ready_.front());
    ready_.pop_front();
    h->queued = false;
    rt_->record(EventKind::HandleRun, h->id(), 0, 0, h->cancelled() ? 1 : 0);
    if (h->cancelled()) continue;
    rt_->set_current_handle_id(h->id());
    ++rt_->handles_run_;
    h->run();
  }
}

// [SECTION] Running ------------------------------------------------------------------

void EventLoop::run_forever() {
  check_closed();
  if (running_)
    throw PyException(rt_->host().new_exception(ExcKind::RuntimeError, "This event loop is already running"));
  if (rt_->running_loop())
    throw PyException(rt_->host().new_exception(
        ExcKind::RuntimeError, "Cannot run the event loop while another loop is running"));
  running_ = true;
  rt_->set_running_loop(this);
  struct Reset {
    EventLoop* loop;
    ~Reset() {
      loop->stopping_ = false;
      loop->running_ = false;
      loop->rt_->set_running_loop(nullptr);
    }
  } reset{this};
  while (true) {
    run_once();
    if (stopping_) break;
  }
}

Value EventLoop::run_until_complete(Ref<Coroutine> coro) {
  return run_until_complete(Ref<Future>(create_task(std::move(coro))));
}

Value EventLoop::run_until_complete(Ref<Future> future) {
  check_closed();
  Ref<Callback> stop_cb = make_callback("_run_until_complete_cb", [](const Value& fut) {
    static_cast<Future*>(fut.get())->loop().stop();
  });
  future->add_done_callback(stop_cb);
  run_forever();
  future->remove_done_callback(*stop_cb);
  if (!future->done())
    throw PyException(rt_->host().new_exception(ExcKind::RuntimeError,
                                                "Event loop stopped before Future completed."));
  return future->result();
}

void EventLoop::close() {
  if (running_)
    throw PyException(rt_->host().new_exception(ExcKind::RuntimeError, "Cannot close a running event loop"));
  if (closed_) return;
  closed_ = true;
  ready_.clear();
  for (ScheduledTimer& t : scheduled_) t.handle->scheduled = false;
  scheduled_.clear();
  timer_cancelled_count_ = 0;
}

// [SECTION] Errors -------------------------------------------------------------------

void EventLoop::call_exception_handler(const ExceptionContext& ctx) {
  if (handler_) {
    handler_(*this, ctx);
  } else {
    default_exception_handler(ctx);
  }
}

void EventLoop::default_exception_handler(const ExceptionContext& ctx) {
  // base_events.default_exception_handler: the message, then the other keys sorted
  // ('future' < 'handle' < 'task'), then the traceback.
  std::string text = ctx.message.empty() ? "Unhandled exception in event loop" : ctx.message;
  if (ctx.future) text += "\nfuture: " + ctx.future->repr();
  if (!ctx.dying_future.empty()) text += "\nfuture: " + ctx.dying_future;
  if (ctx.handle) text += "\nhandle: <Handle " + ctx.handle->describe() + ">";
  if (ctx.task) text += "\ntask: " + ctx.task->repr();
  text += "\n";
  if (ctx.exception) text += rt_->host().format_exception(ctx.exception);
  rt_->write_stderr(text);
}

}  // namespace looplab::loop
