#include "engine/loop/runtime.hpp"

#include <algorithm>
#include <cstdio>

#include "engine/loop/base_events.hpp"
#include "engine/loop/executor.hpp"
#include "engine/loop/replay.hpp"
#include "engine/loop/tasks.hpp"

namespace looplab::loop {

Runtime::Runtime(Host& host, Budgets budgets) : host_(&host), budgets_(budgets) {}

Runtime::~Runtime() {
  // Pending tasks form cycles (task -> coroutine frame -> awaited future -> wakeup ->
  // task) that CPython's collector would break; break them here.
  reporting_ = false;
  for (EventLoop* loop : std::vector<EventLoop*>(loops_)) {
    if (loop && !loop->is_running()) loop->close();
  }
  for (size_t i = 0; i < tasks_.size(); ++i) {
    if (Task* t = tasks_[i]) {
      Ref<Task> keep(t);
      keep->abandon();
    }
  }
  idle_hooks_.clear();
  workers_.clear();
}

// [SECTION] Recording ----------------------------------------------------------------

uint32_t Runtime::record_event(EventKind kind, uint32_t subject, uint32_t a, uint32_t b, uint8_t c,
                               uint16_t d) {
  const uint32_t index = trace_.add(kind, now_, iteration_, subject, a, b, c, d);
  if (after_record) after_record(index);
  return index;
}

StringId Runtime::intern_description(const Callback& cb) {
  const char* literal = cb.literal_description();
  if (!literal) return intern(cb.describe());
  auto [it, inserted] = literal_descriptions_.try_emplace(literal, 0);
  if (inserted) it->second = intern(literal);
  return it->second;
}

void Runtime::write_stdout(std::string_view text) {
  if (text.empty()) return;
  stdout_ += text;
  if (running_worker_) {
    record(EventKind::Stdout, running_worker_->id, intern(text), 0, 1);
  } else {
    record(EventKind::Stdout, current_task_id(), intern(text));
  }
  emit_stdout_line_stamps(text);
}

void Runtime::emit_stdout_line_stamps(std::string_view text) {
  size_t start = 0;
  while (start < text.size()) {
    const size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) {
      pending_line_ += text.substr(start);
      return;
    }
    char stamp[48];
    std::snprintf(stamp, sizeof stamp, "[%.3f] ", now_);
    stamped_ += stamp;
    stamped_ += pending_line_;
    stamped_ += text.substr(start, nl + 1 - start);
    pending_line_.clear();
    start = nl + 1;
  }
}

void Runtime::write_stderr(std::string_view text) {
  if (!reporting_ || text.empty()) return;
  record(EventKind::Stderr, current_task_id(), intern(text));
  host_->write_stderr(text);
}

void Runtime::record_line(int line) {
  if (!current_task_ || line == current_task_->line()) return;
  if (lines_this_step_ >= kMaxLinesPerStep) return;
  ++lines_this_step_;
  current_task_->set_line(line);
  record(EventKind::Line, current_task_->id(), static_cast<uint32_t>(line));
}

// [SECTION] Tasks and loops ----------------------------------------------------------

uint32_t Runtime::register_task(Task* task) {
  tasks_.push_back(task);
  return static_cast<uint32_t>(tasks_.size() - 1);
}

void Runtime::forget_task(uint32_t task_id) {
  if (task_id >= tasks_.size() || !tasks_[task_id]) return;
  if (recording()) {
    if (final_task_states_.size() <= task_id) final_task_states_.resize(task_id + 1);
    final_task_states_[task_id] = live_task_state(*tasks_[task_id], *this);
  }
  tasks_[task_id] = nullptr;
}

void Runtime::set_current_task(Task* t) {
  current_task_ = t;
  lines_this_step_ = 0;
}

uint32_t Runtime::current_task_id() const { return current_task_ ? current_task_->id() : kNone; }

void Runtime::register_loop(EventLoop* loop) { loops_.push_back(loop); }

void Runtime::forget_loop(EventLoop* loop) {
  std::replace(loops_.begin(), loops_.end(), loop, static_cast<EventLoop*>(nullptr));
}

// [SECTION] Clock and budgets --------------------------------------------------------

void Runtime::advance_clock(double t) {
  if (t > budgets_.max_time) {
    const double limit = budgets_.max_time;
    char text[64];
    if (limit == static_cast<double>(static_cast<long long>(limit))) {
      std::snprintf(text, sizeof text, "%lld", static_cast<long long>(limit));
    } else {
      std::snprintf(text, sizeof text, "%.17g", limit);
    }
    abort(4, std::string("Budget exhausted: virtual time limit of ") + text + " s");
  }
  if (t > now_) now_ = t;
}

void Runtime::run_workers_until(double instant) {
  while (Worker* w = next_sleeping_worker()) {
    if (w->wake > instant) break;
    advance_clock(w->wake);
    resume_worker(*w);
  }
}

void Runtime::drain_workers() {
  while (Worker* w = next_sleeping_worker()) {
    advance_clock(w->wake);
    resume_worker(*w);
  }
}

void Runtime::count_callbacks(size_t ready) {
  callbacks_run_ += ready;
  if (callbacks_run_ > budgets_.max_callbacks)
    abort(4, "Budget exhausted: loop callback limit of " + std::to_string(budgets_.max_callbacks));
}

void Runtime::count_instructions(uint64_t n) {
  instructions_ += n;
  if (instructions_ > budgets_.max_instructions)
    abort(4, "Budget exhausted: VM instruction limit of " + std::to_string(budgets_.max_instructions));
}

void Runtime::finish(int status, std::string message) {
  if (trace_.finished) return;
  trace_.finished = true;
  trace_.outcome = {status, message};
  record(EventKind::RunEnd, 0, static_cast<uint32_t>(status), intern(message));
  trace_.shrink_to_fit();
}

void Runtime::abort(int status, std::string message) {
  write_stderr(message + "\n");
  finish(status, message);
  throw RunAborted(status, std::move(message));
}

void Runtime::deadlock(const EventLoop* loop) {
  std::string names;
  for (Task* t : tasks_) {
    if (!t || t->done() || (loop && &t->loop() != loop)) continue;
    if (!names.empty()) names += ", ";
    names += t->name();
  }
  if (names.empty()) abort(3, "Deadlock: waiting forever with nothing scheduled");
  abort(3, "Deadlock: tasks waiting forever: " + names);
}

void Runtime::blocking_sleep(double delay) {
  const double start = now_;
  const double until = start + delay;
  uint32_t a = 0, b = 0;
  pack_double(until, a, b);
  loop_blocked_ = true;
  record(EventKind::LoopBlockedFrom, current_task_id(), a, b);
  run_workers_until(until);
  advance_clock(until);
  loop_blocked_ = false;
  record(EventKind::LoopBlockedTo, current_task_id());
}

void Runtime::when_workers_idle(std::function<void()> hook) {
  if (has_running_workers()) {
    idle_hooks_.push_back(std::move(hook));
  } else {
    hook();
  }
}

// [SECTION] Workers ------------------------------------------------------------------

Worker& Runtime::add_worker(Ref<WorkerJob> job, std::string_view name) {
  auto w = std::make_unique<Worker>();
  w->id = static_cast<uint32_t>(workers_.size());
  w->job = std::move(job);
  workers_.push_back(std::move(w));
  Worker& added = *workers_.back();
  if (recording()) {
    trace_.workers.push_back({intern(name), current_task_id(), static_cast<uint32_t>(trace_.size())});
    record(EventKind::WorkerStart, added.id, intern(name), current_task_id());
  }
  return added;
}

Worker* Runtime::next_sleeping_worker() const {
  Worker* best = nullptr;
  for (const auto& w : workers_) {
    if (w->phase != Worker::Phase::Sleeping) continue;
    if (!best || w->wake < best->wake || (w->wake == best->wake && w->sleep_seq < best->sleep_seq))
      best = w.get();
  }
  return best;
}

bool Runtime::has_running_workers() const {
  return std::any_of(workers_.begin(), workers_.end(),
                     [](const auto& w) { return w->phase != Worker::Phase::Finished; });
}

void Runtime::resume_worker(Worker& w) {
  const bool was_sleeping = w.phase == Worker::Phase::Sleeping;
  w.phase = Worker::Phase::Running;
  if (was_sleeping) record(EventKind::WorkerWake, w.id);
  Worker* outer = running_worker_;
  running_worker_ = &w;
  const WorkerStep step = w.job->resume();
  running_worker_ = outer;
  if (step.kind == WorkerStep::Kind::Sleep) {
    w.phase = Worker::Phase::Sleeping;
    w.wake = now_ + step.delay;
    w.sleep_seq = worker_sleep_seq_++;
    uint32_t a = 0, b = 0;
    pack_double(w.wake, a, b);
    record(EventKind::WorkerSleep, w.id, a, b);
    return;
  }
  w.phase = Worker::Phase::Finished;
  const bool raised = step.kind == WorkerStep::Kind::Raised;
  record(EventKind::WorkerEnd, w.id,
         intern(raised ? host_->exception_text(step.value) : host_->repr(step.value)), 0, raised ? 1 : 0);
  w.job = nullptr;
  if (w.on_done) std::exchange(w.on_done, nullptr)(step);
  if (!idle_hooks_.empty() && !has_running_workers()) {
    for (auto& hook : std::exchange(idle_hooks_, {})) hook();
  }
}

}  // namespace looplab::loop
