#pragma once
// The Runtime: one per program run. It owns what every event loop of the run shares:
// the virtual clock, the trace, the virtual worker threads, the id counters, the
// budgets, the Host, and the deadlock/budget outcome.
//
// The clock moves at exactly three places (COMMON.md's time model):
//   1. EventLoop::run_once when nothing is ready (`advance_idle`),
//   2. `blocking_sleep` (time.sleep on the loop thread or outside any loop),
//   3. never inside a worker: a worker's time.sleep only records its wake-up time.

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/loop/exceptions.hpp"
#include "engine/loop/host.hpp"
#include "engine/loop/object.hpp"
#include "engine/loop/replay.hpp"
#include "engine/loop/trace.hpp"

namespace looplab::loop {

class Callback;
class EventLoop;
class Future;
class Runtime;
class Task;
struct Worker;
class WorkerJob;

struct Budgets {
  uint64_t max_callbacks = 10'000'000;
  double max_time = 3600.0;
  uint64_t max_instructions = 500'000'000;
  // Set false to run without recording a trace (benchmarks' baseline comparisons).
  bool record_trace = true;
};

// A live task's state in replay.hpp's form (snapshot.cpp).
TaskState live_task_state(const Task& task, const Runtime& rt);

class Runtime {
 public:
  explicit Runtime(Host& host, Budgets budgets = {});
  ~Runtime();
  Runtime(const Runtime&) = delete;
  Runtime& operator=(const Runtime&) = delete;

  Host& host() const { return *host_; }
  Trace& trace() { return trace_; }
  const Trace& trace() const { return trace_; }
  const Budgets& budgets() const { return budgets_; }

  // [SECTION] Clock
  double now() const { return now_; }
  // time.time(): the wall clock the program sees.
  double wall_time() const { return 1'700'000'000.0 + now_; }
  // time.sleep(d) on the loop thread or outside any loop: blocks, running the workers
  // due within (now, now + d] at their wake-up times.
  void blocking_sleep(double delay);

  // [SECTION] Recording
  uint32_t iteration() const { return iteration_; }
  // Inline so that a run without a trace pays one branch per event, not a call.
  uint32_t record(EventKind kind, uint32_t subject, uint32_t a = 0, uint32_t b = 0,
                  uint8_t c = 0, uint16_t d = 0) {
    return budgets_.record_trace ? record_event(kind, subject, a, b, c, d) : 0;
  }
  StringId intern(std::string_view s) { return trace_.strings.intern(s); }
  // intern(cb.describe()), memoised by address for literal descriptions.
  StringId intern_description(const Callback& cb);
  bool recording() const { return budgets_.record_trace; }
  // Program output. `print` calls write_stdout; reports go through write_stderr.
  void write_stdout(std::string_view text);
  void write_stderr(std::string_view text);
  const std::string& stdout_text() const { return stdout_; }
  // stdout with every completed line prefixed "[%.3f] " (the time its '\n' was written).
  const std::string& stamped_stdout() const { return stamped_; }
  // The VM reports the current task's line; recorded when it changes, at most
  // kMaxLinesPerStep times per step.
  void record_line(int line);

  // [SECTION] Tasks
  uint64_t next_task_name_number() { return ++task_name_counter_; }
  uint32_t register_task(Task* task);
  void forget_task(uint32_t task_id);
  Task* task(uint32_t task_id) const { return task_id < tasks_.size() ? tasks_[task_id] : nullptr; }
  size_t task_count() const { return tasks_.size(); }
  // The task whose step is running (on whichever loop), or null.
  Task* current_task() const { return current_task_; }
  void set_current_task(Task* t);
  uint32_t current_task_id() const;
  uint32_t next_handle_id() { return handle_counter_++; }
  // The handle being run by run_once (StepBegin names it).
  uint32_t current_handle_id() const { return current_handle_; }
  void set_current_handle_id(uint32_t h) { current_handle_ = h; }
  uint64_t next_timer_seq() { return timer_seq_++; }

  // [SECTION] Loops
  EventLoop* running_loop() const { return running_loop_; }
  void set_running_loop(EventLoop* loop) { running_loop_ = loop; }
  void register_loop(EventLoop* loop);
  void forget_loop(EventLoop* loop);
  uint32_t loop_count() const { return static_cast<uint32_t>(loops_.size()); }

  // [SECTION] Virtual workers (executor.hpp drives them)
  Worker& add_worker(Ref<WorkerJob> job, std::string_view name);
  // The sleeping worker that wakes first ((wake, sleep order)), or null.
  Worker* next_sleeping_worker() const;
  void resume_worker(Worker& w);
  bool has_running_workers() const;
  // Runs, in (wake, sleep order), every sleeping worker due at or before `instant`.
  void run_workers_until(double instant);
  // Interpreter exit joins executor threads: every sleeping worker runs to its end.
  void drain_workers();
  // Runs `hook` once no worker is running or sleeping (now, if none is).
  void when_workers_idle(std::function<void()> hook);

  // [SECTION] Budgets and outcome
  // Counted as the reference runner does: the ready handles at each select.
  void count_callbacks(size_t ready);
  // Handles actually run (the budget counts ready handles at each select instead).
  uint64_t handles_run() const { return handles_run_; }
  // The VM's instruction hook.
  void count_instructions(uint64_t n);
  // Moves the clock forward (never back); past the time budget the run stops.
  void advance_clock(double t);
  // Ends the run for good: records RunEnd, writes the message to stderr, throws RunAborted.
  [[noreturn]] void abort(int status, std::string message);
  // Deadlock: the loop's pending tasks in creation order (every loop's when null).
  [[noreturn]] void deadlock(const EventLoop* loop = nullptr);
  // Records the normal end of the run (status 0 or 1 with the final stderr line) and
  // trims the trace's spare capacity.
  void finish(int status, std::string message);
  const TraceOutcome& outcome() const { return trace_.outcome; }

  // [SECTION] Live state, in replay.hpp's form (tests compare it with reconstruction).
  LoopState snapshot() const;
  // Test probe: called after every recorded event with its index.
  std::function<void(size_t)> after_record;

 private:
  friend struct WorkerAccess;
  uint32_t record_event(EventKind kind, uint32_t subject, uint32_t a, uint32_t b, uint8_t c, uint16_t d);
  void emit_stdout_line_stamps(std::string_view text);

  Host* host_;
  Budgets budgets_;
  Trace trace_;
  double now_ = 0.0;
  uint32_t iteration_ = 0;
  uint64_t task_name_counter_ = 0;
  uint32_t handle_counter_ = 0;
  uint32_t current_handle_ = kNone;
  uint64_t timer_seq_ = 0;
  uint64_t callbacks_run_ = 0;
  uint64_t handles_run_ = 0;
  uint64_t instructions_ = 0;
  uint64_t worker_sleep_seq_ = 0;
  std::unordered_map<const char*, StringId> literal_descriptions_;
  std::vector<Task*> tasks_;  // by task id; null once destroyed
  std::vector<TaskState> final_task_states_;  // destroyed tasks, for snapshot()
  std::vector<EventLoop*> loops_;
  std::vector<std::unique_ptr<Worker>> workers_;
  std::vector<std::function<void()>> idle_hooks_;
  EventLoop* running_loop_ = nullptr;
  Worker* running_worker_ = nullptr;  // whose code runs now (its prints are its own)
  Task* current_task_ = nullptr;
  std::string stdout_;
  std::string stamped_;
  std::string pending_line_;
  int last_line_ = -1;
  uint32_t lines_this_step_ = 0;
  uint32_t line_task_ = kNone;
  bool loop_blocked_ = false;
  bool reporting_ = true;  // false during teardown: no reports after the outcome
  friend class EventLoop;
};

}  // namespace looplab::loop
