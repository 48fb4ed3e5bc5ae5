#pragma once
// What the panels need beyond the raw trace, computed once per run (on the background
// thread, so a 20,000-task run never stalls a frame): the timeline model, the console's
// lines and the warnings a teacher wants pointed out. No ImGui in here.

#include <cstdint>
#include <string>
#include <vector>

#include "engine/export/timeline_model.hpp"
#include "engine/loop/trace.hpp"
#include "engine/session/session.hpp"

namespace looplab::app {

enum class WarningKind {
  LoopBlocked,     // time.sleep (or CPU work) on the loop's thread
  NeverAwaited,    // "coroutine ... was never awaited"
  NeverRetrieved,  // "Task exception was never retrieved"
  PendingAtClose,  // a task still pending when the loop closed
  Deadlock,
  UncaughtException,
  BudgetExhausted,
};
const char* to_string(WarningKind kind);

struct Warning {
  WarningKind kind = WarningKind::LoopBlocked;
  size_t event = 0;    // the moment to jump to (trace index)
  std::string title;   // one line
  std::string detail;  // may be empty
  // Who it concerns, highlighted in the timeline when the warning is clicked: the task
  // that blocked the loop then the tasks it starved, the pending or failed task, the
  // tasks a deadlock left waiting.
  std::vector<uint32_t> tasks;
  bool concerns_loop = false;  // the loop's own lane too (it was blocked)
};

struct ConsoleLine {
  size_t event = 0;  // index of the Stdout/Stderr event that completed the line
  double time = 0.0;
  bool is_stderr = false;
  std::string text;
};

struct LoadedRun {
  session::RunResult result;
  exporter::TimelineModel timeline;
  exporter::TimelineModel steps_timeline;  // the same lanes with event indices for times
  std::vector<ConsoleLine> console;
  std::vector<Warning> warnings;
};

// Builds everything above from a finished run.
LoadedRun analyse_run(session::RunResult result);

// The timeline re-measured in steps: a segment spans from the event that began it to the
// event that began the next one, so zero-duration steps get width.
exporter::TimelineModel steps_timeline(const exporter::TimelineModel& timeline,
                                       const loop::Trace& trace);
std::vector<ConsoleLine> console_lines(const loop::Trace& trace);
std::vector<Warning> find_warnings(const loop::Trace& trace);
// The timeline lanes a warning concerns (lane indices are shared by both timelines).
std::vector<uint32_t> warning_lanes(const Warning& warning, const exporter::TimelineModel& timeline);

}  // namespace looplab::app
