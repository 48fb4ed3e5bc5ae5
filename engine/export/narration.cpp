#include "engine/export/narration.hpp"

#include <algorithm>
#include <string_view>

#include "engine/export/writers.hpp"

namespace looplab::exporter {

using loop::Event;
using loop::EventKind;
using loop::kNone;
using loop::Trace;
using loop::WaitKind;

// [SECTION] Names --------------------------------------------------------------------

namespace {

// Program text in one line: the trailing newline dropped, inner ones shown as "\n".
void append_one_line(std::string& out, std::string_view text) {
  if (!text.empty() && text.back() == '\n') text.remove_suffix(1);
  for (char ch : text) {
    if (ch == '\n')
      out += "\\n";
    else if (ch != '\r')
      out += ch;
  }
}

void append_task(std::string& out, const Trace& trace, uint32_t task) {
  if (task == kNone || task >= trace.tasks.size()) {
    out += task == kNone ? "-" : "a task";
    return;
  }
  append_one_line(out, text_of(trace, trace.tasks[task].name));
}

void append_task_with_coroutine(std::string& out, const Trace& trace, uint32_t task) {
  append_task(out, trace, task);
  if (task >= trace.tasks.size()) return;
  const std::string_view name = text_of(trace, trace.tasks[task].name);
  const std::string_view coro = text_of(trace, trace.tasks[task].qualname);
  if (!coro.empty() && coro != name) {
    out += " (";
    append_one_line(out, coro);
    out += ')';
  }
}

void append_worker(std::string& out, const Trace& trace, uint32_t worker) {
  out += "Worker-";
  append_uint(out, uint64_t{worker} + 1);
  if (worker < trace.workers.size()) {
    const std::string_view fn = text_of(trace, trace.workers[worker].function);
    if (!fn.empty()) {
      out += " (";
      append_one_line(out, fn);
      out += ')';
    }
  }
}

std::string_view future_description(const Trace& trace, uint32_t future) {
  if (future >= trace.futures.size()) return "a future";
  return text_of(trace, trace.futures[future].description);
}

}  // namespace

std::string_view text_of(const Trace& trace, loop::StringId id) {
  return id < trace.strings.size() ? trace.str(id) : std::string_view();
}

std::string task_label(const Trace& trace, uint32_t task) {
  std::string out;
  append_task(out, trace, task);
  return out;
}

std::string task_label_with_coroutine(const Trace& trace, uint32_t task) {
  std::string out;
  append_task_with_coroutine(out, trace, task);
  return out;
}

std::string worker_label(const Trace& trace, uint32_t worker) {
  std::string out;
  append_worker(out, trace, worker);
  return out;
}

std::string subject_label(const Trace& trace, size_t event_index) {
  const Event& e = trace.events[event_index];
  switch (e.kind) {
    case EventKind::TaskCreated:
    case EventKind::TaskScheduled:
    case EventKind::StepBegin:
    case EventKind::StepEnd:
    case EventKind::TaskWoken:
    case EventKind::TaskDone:
    case EventKind::TaskFailed:
    case EventKind::TaskCancelled:
    case EventKind::TaskCancelRequested:
    case EventKind::TaskRenamed:
    case EventKind::LoopBlockedFrom:
    case EventKind::LoopBlockedTo:
    case EventKind::Stdout:
    case EventKind::Stderr:
      return task_label(trace, e.subject);
    case EventKind::Line:
      return e.c ? worker_label(trace, e.subject) : task_label(trace, e.subject);
    case EventKind::HandleQueued:
      return task_label(trace, e.b);
    case EventKind::TimerScheduled:
      return task_label(trace, e.a);
    case EventKind::TimerFired:
    case EventKind::TimerCancelled:
      return task_label(trace,
                        e.subject < trace.timers.size() ? trace.timers[e.subject].task : kNone);
    case EventKind::FutureResolved:
      return task_label(trace, e.a);
    case EventKind::WorkerStart:
    case EventKind::WorkerSleep:
    case EventKind::WorkerWake:
    case EventKind::WorkerEnd:
      return worker_label(trace, e.subject);
    case EventKind::HandleRun:
    case EventKind::HandleCancelled:
    case EventKind::CallbackRun:
    case EventKind::LoopIterationBegin:
    case EventKind::RunEnd:
      return "loop";
    case EventKind::FutureCreated:
      return task_label(
          trace, e.subject < trace.futures.size() ? trace.futures[e.subject].creator : kNone);
  }
  return "-";
}

std::string wait_label(const Trace& trace, size_t step_end_index) {
  const Event& e = trace.events[step_end_index];
  const auto kind = static_cast<WaitKind>(e.a);
  std::string out;
  switch (kind) {
    case WaitKind::Sleep:
      out = "sleep ";
      if (e.b < trace.timers.size()) append_delay(out, trace.timers[e.b].when - e.time);
      return out;
    case WaitKind::BareYield:
      return "yield";
    case WaitKind::Task:
      out = "await ";
      append_task(out, trace, e.b);
      return out;
    case WaitKind::Worker:
      out = "await ";
      append_worker(out, trace, e.b);
      return out;
    case WaitKind::Lock:
      return "await Lock";
    case WaitKind::Event:
      return "await Event";
    case WaitKind::Condition:
      return "await Condition";
    case WaitKind::Semaphore:
      return "await Semaphore";
    case WaitKind::Queue:
      return "await Queue";
    case WaitKind::None:
      return "waiting";
    case WaitKind::Future:
    case WaitKind::Gather:
    case WaitKind::Timeout:
    case WaitKind::Other:
      break;
  }
  out = "await ";
  append_one_line(out, future_description(trace, e.b));
  return out;
}

// [SECTION] Task sentences -----------------------------------------------------------

namespace {

// The line a task is at when its step begins at `begin`: where it last stopped
// (`known_line`, from the caller's sweep or a scan back), else the first line the step
// reports. 0 when the trace has neither.
uint32_t line_of_step(const Trace& trace, size_t begin, uint32_t known_line) {
  if (known_line != 0) return known_line;
  const uint32_t task = trace.events[begin].subject;
  for (size_t i = begin + 1; i < trace.events.size(); ++i) {
    const Event& e = trace.events[i];
    if (e.kind == EventKind::Line && e.c == 0 && e.subject == task) return e.a;
    if (e.kind == EventKind::StepBegin || e.kind == EventKind::StepEnd ||
        e.kind == EventKind::LoopIterationBegin)
      return 0;
  }
  return 0;
}

// The task's last reported line before event `index`, by walking back over its life.
uint32_t last_line_before(const Trace& trace, size_t index, uint32_t task) {
  const size_t created = task < trace.tasks.size() ? trace.tasks[task].created_at : 0;
  for (size_t i = index; i-- > created;) {
    const Event& e = trace.events[i];
    if (e.kind == EventKind::Line && e.c == 0 && e.subject == task) return e.a;
  }
  return 0;
}

// "awaits Task-3", "waits to acquire a Lock", ...: the verb phrase of a StepEnd.
void append_awaiting(std::string& out, const Trace& trace, WaitKind kind, uint32_t target) {
  switch (kind) {
    case WaitKind::Task:
      out += "awaits ";
      append_task(out, trace, target);
      return;
    case WaitKind::Worker:
      out += "awaits ";
      append_worker(out, trace, target);
      return;
    case WaitKind::Lock:
      out += "waits to acquire a Lock";
      return;
    case WaitKind::Semaphore:
      out += "waits to acquire a Semaphore";
      return;
    case WaitKind::Event:
      out += "waits for an Event to be set";
      return;
    case WaitKind::Condition:
      out += "waits on a Condition";
      return;
    case WaitKind::Queue:
      out += "waits on a Queue";
      return;
    default:
      out += "awaits ";
      append_one_line(out, future_description(trace, target));
      return;
  }
}

void narrate_step_end(std::string& out, const Trace& trace, size_t index) {
  const Event& e = trace.events[index];
  append_task(out, trace, e.subject);
  const auto kind = static_cast<WaitKind>(e.a);
  if (kind == WaitKind::BareYield) {
    out += " yields to the loop: its next step goes to the back of the ready queue";
    return;
  }
  if (kind == WaitKind::Sleep) {
    out += " awaits asyncio.sleep(";
    if (e.b < trace.timers.size()) {
      append_delay(out, trace.timers[e.b].when - e.time);
      out += "): it will wake at t=";
      append_seconds(out, trace.timers[e.b].when);
    } else {
      out += ')';
    }
    return;
  }
  out += ' ';
  append_awaiting(out, trace, kind, e.b);
  if (e.c) {
    out += ", which is already done: it resumes at its next turn";
    return;
  }
  switch (kind) {
    case WaitKind::Task:
      out += ": it waits until ";
      append_task(out, trace, e.b);
      out += " finishes";
      return;
    case WaitKind::Worker:
      out += ": it waits until the thread finishes";
      return;
    case WaitKind::Gather:
      out += ": it waits until every child finishes";
      return;
    default:
      out += ": it waits until that is done";
      return;
  }
}

void narrate_task_end(std::string& out, const Trace& trace, const Event& e) {
  append_task(out, trace, e.subject);
  const std::string_view text = text_of(trace, e.a);
  if (e.kind == EventKind::TaskDone) {
    out += " finished with result ";
    append_one_line(out, text);
  } else if (e.kind == EventKind::TaskFailed) {
    out += " failed with ";
    append_one_line(out, text);
  } else {
    out += " was cancelled";
    if (!text.empty()) {
      out += " (";
      append_one_line(out, text);
      out += ')';
    }
  }
}

void narrate_task_event(std::string& out, const Trace& trace, size_t index, uint32_t known_line) {
  const Event& e = trace.events[index];
  switch (e.kind) {
    case EventKind::TaskCreated:
      append_task_with_coroutine(out, trace, e.subject);
      out += " is created";
      if (e.b != kNone) {
        out += " by ";
        append_task(out, trace, e.b);
      }
      return;
    case EventKind::TaskScheduled:
      append_task(out, trace, e.subject);
      out += static_cast<loop::HandleRole>(e.c) == loop::HandleRole::Wakeup
                 ? " is ready: its wake-up joins the back of the ready queue"
                 : " is ready: its next step joins the back of the ready queue";
      return;
    case EventKind::StepBegin: {
      append_task_with_coroutine(out, trace, e.subject);
      out += e.c ? " resumes with an exception thrown in" : " starts a step";
      if (const uint32_t line = line_of_step(trace, index, known_line)) {
        out += " at line ";
        append_uint(out, line);
      }
      return;
    }
    case EventKind::StepEnd:
      narrate_step_end(out, trace, index);
      return;
    case EventKind::TaskWoken:
      append_task(out, trace, e.subject);
      out += "'s wait is over";
      if (e.a != kNone) {
        out += " (ended by ";
        append_task(out, trace, e.a);
        out += ')';
      }
      return;
    default:
      narrate_task_end(out, trace, e);
      return;
  }
}

// [SECTION] Loop, timer and future sentences -----------------------------------------

void narrate_timer_event(std::string& out, const Trace& trace, const Event& e) {
  const bool known = e.subject < trace.timers.size();
  const uint32_t task = known ? trace.timers[e.subject].task : kNone;
  out += "The timer ";
  if (task != kNone) {
    out += "for ";
    append_task(out, trace, task);
  } else if (known) {
    out += "of ";
    append_one_line(out, text_of(trace, trace.timers[e.subject].description));
  }
  if (e.kind == EventKind::TimerScheduled) {
    out += " is set for t=";
    if (known) append_seconds(out, trace.timers[e.subject].when);
  } else if (e.kind == EventKind::TimerFired) {
    out += task != kNone ? " fires: its wake-up goes to the back of the ready queue"
                         : " fires: its callback goes to the back of the ready queue";
  } else {
    out += " is cancelled: it will never fire";
  }
}

void narrate_future_event(std::string& out, const Trace& trace, const Event& e) {
  if (e.kind == EventKind::FutureCreated) {
    const uint32_t creator =
        e.subject < trace.futures.size() ? trace.futures[e.subject].creator : kNone;
    out += creator == kNone ? "The loop" : task_label(trace, creator);
    out += " creates a future (";
    append_one_line(out, future_description(trace, e.subject));
    out += ')';
    return;
  }
  out += "The future (";
  append_one_line(out, future_description(trace, e.subject));
  out += ')';
  switch (static_cast<loop::FutureOutcome>(e.c)) {
    case loop::FutureOutcome::Result:
      out += " gets its result";
      break;
    case loop::FutureOutcome::Exception:
      out += " gets an exception";
      break;
    case loop::FutureOutcome::Cancelled:
      out += " is cancelled";
      break;
  }
  if (e.a != kNone) {
    out += " from ";
    append_task(out, trace, e.a);
  }
}

void narrate_handle_event(std::string& out, const Trace& trace, const Event& e) {
  switch (e.kind) {
    case EventKind::HandleQueued:
      out += "The callback ";
      append_one_line(out, text_of(trace, e.a));
      out += " joins the back of the ready queue";
      return;
    case EventKind::HandleRun:
      out += e.c ? "The loop pops a cancelled callback and skips it"
                 : "The loop pops the next callback from the ready queue";
      return;
    case EventKind::HandleCancelled:
      out +=
          "A queued callback is cancelled: it stays in the ready queue until the loop "
          "skips it";
      return;
    default:
      out += "The loop runs the callback ";
      append_one_line(out, text_of(trace, e.a));
      return;
  }
}

void narrate_blocking(std::string& out, const Event& e) {
  if (e.kind == EventKind::LoopBlockedTo) {
    out += "time.sleep returns at t=";
    append_seconds(out, e.time);
    out += ": the loop can run again";
    return;
  }
  const double until = loop::unpack_double(e.a, e.b);
  out += "The loop is blocked by time.sleep(";
  append_delay(out, until - e.time);
  out += ") from t=";
  append_seconds(out, e.time);
  out += " to t=";
  append_seconds(out, until);
  out += ": nothing else can run";
}

// [SECTION] Worker sentences ---------------------------------------------------------

void narrate_worker_event(std::string& out, const Trace& trace, const Event& e) {
  if (e.kind == EventKind::WorkerStart) {
    if (e.b == kNone)
      out += "The loop";
    else
      append_task(out, trace, e.b);
    out += " starts ";
    append_worker(out, trace, e.subject);
    out += " in a thread: it runs at once, beside the loop";
    return;
  }
  append_worker(out, trace, e.subject);
  if (e.kind == EventKind::WorkerSleep) {
    out += " blocks in time.sleep: it will wake at t=";
    append_seconds(out, loop::unpack_double(e.a, e.b));
    out += " (the loop keeps running)";
  } else if (e.kind == EventKind::WorkerWake) {
    out += " wakes up and continues";
  } else {
    out += e.c ? " failed with " : " finished with result ";
    append_one_line(out, text_of(trace, e.a));
  }
}

// [SECTION] Program sentences --------------------------------------------------------

// Task names in the side table are the latest; a rename's sentence needs the one
// before it (renames are rare, so walking back over the task's life is cheap).
loop::StringId name_before_rename(const Trace& trace, size_t index) {
  const uint32_t task = trace.events[index].subject;
  if (task >= trace.tasks.size()) return 0;
  const size_t created = trace.tasks[task].created_at;
  for (size_t i = index; i-- > created;) {
    const Event& e = trace.events[i];
    if (e.subject == task && (e.kind == EventKind::TaskRenamed || e.kind == EventKind::TaskCreated))
      return e.a;
  }
  return trace.tasks[task].name;
}

void narrate_program_event(std::string& out, const Trace& trace, size_t index) {
  const Event& e = trace.events[index];
  switch (e.kind) {
    case EventKind::LoopIterationBegin:
      out += "Loop iteration ";
      append_uint(out, e.iteration);
      out += " begins: ";
      append_uint(out, e.a);
      out += e.a == 1 ? " callback is ready" : " callbacks are ready";
      return;
    case EventKind::Line:
      if (e.c)
        append_worker(out, trace, e.subject);
      else
        append_task(out, trace, e.subject);
      out += " is at line ";
      append_uint(out, e.a);
      return;
    case EventKind::Stdout:
    case EventKind::Stderr:
      if (e.subject == kNone)
        out += "The program";
      else
        append_task(out, trace, e.subject);
      out += e.kind == EventKind::Stdout ? " prints: " : " writes to stderr: ";
      append_one_line(out, text_of(trace, e.a));
      return;
    case EventKind::RunEnd:
      out += "The program ends with exit status ";
      append_uint(out, e.a);
      if (!text_of(trace, e.b).empty()) {
        out += ": ";
        append_one_line(out, text_of(trace, e.b));
      }
      return;
    case EventKind::TaskCancelRequested:
      out += e.b == kNone ? std::string("The program") : task_label(trace, e.b);
      out += " asks ";
      append_task(out, trace, e.subject);
      out += " to cancel";
      if (!text_of(trace, e.a).empty()) {
        out += " (";
        append_one_line(out, text_of(trace, e.a));
        out += ')';
      }
      return;
    default:
      append_one_line(out, text_of(trace, name_before_rename(trace, index)));
      out += " is renamed ";
      append_one_line(out, text_of(trace, e.a));
      return;
  }
}

}  // namespace

// [SECTION] Dispatch -----------------------------------------------------------------

namespace {

void append_sentence(std::string& out, const Trace& trace, size_t index, uint32_t known_line) {
  const Event& e = trace.events[index];
  switch (e.kind) {
    case EventKind::TaskCreated:
    case EventKind::TaskScheduled:
    case EventKind::StepBegin:
    case EventKind::StepEnd:
    case EventKind::TaskWoken:
    case EventKind::TaskDone:
    case EventKind::TaskFailed:
    case EventKind::TaskCancelled:
      narrate_task_event(out, trace, index, known_line);
      return;
    case EventKind::TimerScheduled:
    case EventKind::TimerFired:
    case EventKind::TimerCancelled:
      narrate_timer_event(out, trace, e);
      return;
    case EventKind::FutureCreated:
    case EventKind::FutureResolved:
      narrate_future_event(out, trace, e);
      return;
    case EventKind::HandleQueued:
    case EventKind::HandleRun:
    case EventKind::HandleCancelled:
    case EventKind::CallbackRun:
      narrate_handle_event(out, trace, e);
      return;
    case EventKind::LoopBlockedFrom:
    case EventKind::LoopBlockedTo:
      narrate_blocking(out, e);
      return;
    case EventKind::WorkerStart:
    case EventKind::WorkerSleep:
    case EventKind::WorkerWake:
    case EventKind::WorkerEnd:
      narrate_worker_event(out, trace, e);
      return;
    case EventKind::LoopIterationBegin:
    case EventKind::Line:
    case EventKind::Stdout:
    case EventKind::Stderr:
    case EventKind::RunEnd:
    case EventKind::TaskCancelRequested:
    case EventKind::TaskRenamed:
      narrate_program_event(out, trace, index);
      return;
  }
}

}  // namespace

void append_narration(std::string& out, const Trace& trace, size_t index) {
  const Event& e = trace.events[index];
  const uint32_t line =
      e.kind == EventKind::StepBegin ? last_line_before(trace, index, e.subject) : 0;
  append_sentence(out, trace, index, line);
}

std::string narrate(const Trace& trace, size_t event_index) {
  std::string out;
  append_narration(out, trace, event_index);
  return out;
}

Narrator::Narrator(const Trace& trace) : trace_(&trace), task_line_(trace.tasks.size(), 0) {}

void Narrator::append(std::string& out, size_t event_index) {
  if (event_index < seen_) {
    std::fill(task_line_.begin(), task_line_.end(), 0);
    seen_ = 0;
  }
  for (; seen_ < event_index; ++seen_) {
    const Event& e = trace_->events[seen_];
    if (e.kind == EventKind::Line && e.c == 0 && e.subject < task_line_.size())
      task_line_[e.subject] = e.a;
  }
  const Event& e = trace_->events[event_index];
  const uint32_t line =
      e.kind == EventKind::StepBegin && e.subject < task_line_.size() ? task_line_[e.subject] : 0;
  append_sentence(out, *trace_, event_index, line);
}

}  // namespace looplab::exporter
