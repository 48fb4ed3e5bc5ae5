#include "app/gui/run_analysis.hpp"

#include <algorithm>
#include <cstdio>
#include <initializer_list>
#include <string_view>

#include "engine/export/narration.hpp"
#include "engine/loop/replay.hpp"

namespace looplab::app {

using loop::Event;
using loop::EventKind;
using loop::kNone;
using loop::Trace;

const char* to_string(WarningKind kind) {
  switch (kind) {
    case WarningKind::LoopBlocked:
      return "loop blocked";
    case WarningKind::NeverAwaited:
      return "never awaited";
    case WarningKind::NeverRetrieved:
      return "exception never retrieved";
    case WarningKind::PendingAtClose:
      return "pending at close";
    case WarningKind::Deadlock:
      return "deadlock";
    case WarningKind::UncaughtException:
      return "uncaught exception";
    case WarningKind::BudgetExhausted:
      return "budget exhausted";
  }
  return "";
}

namespace {

constexpr size_t kMaxBlockWarnings = 50;

Warning warning(WarningKind kind, size_t event, std::string title, std::string detail = "") {
  Warning w;
  w.kind = kind;
  w.event = event;
  w.title = std::move(title);
  w.detail = std::move(detail);
  return w;
}

std::string seconds(double t) {
  char text[32];
  std::snprintf(text, sizeof text, "%.3f s", t);
  return text;
}

// Tasks that were ready, or whose timer came due, while the loop was blocked.
std::vector<uint32_t> starved_tasks(const Trace& trace, size_t from_event, double until) {
  const loop::LoopState state = loop::state_at(trace, from_event + 1);
  std::vector<uint32_t> starved;
  auto add = [&](uint32_t task) {
    if (task != kNone && std::find(starved.begin(), starved.end(), task) == starved.end())
      starved.push_back(task);
  };
  for (const auto& entry : state.ready) add(entry.task);
  for (const auto& timer : state.timers)
    if (timer.when < until) add(timer.task);
  return starved;
}

std::string task_list(const Trace& trace, const std::vector<uint32_t>& tasks) {
  constexpr size_t kNamed = 8;
  std::string out;
  for (size_t i = 0; i < tasks.size() && i < kNamed; ++i)
    out += (i ? ", " : "") + exporter::task_label(trace, tasks[i]);
  if (tasks.size() > kNamed) out += " and " + std::to_string(tasks.size() - kNamed) + " more";
  return out;
}

// CPython's reports name the task as "<Task ... name='Task-2' ...>".
uint32_t task_named_in(const Trace& trace, std::string_view report) {
  constexpr std::string_view kKey = "name='";
  const size_t at = report.find(kKey);
  if (at == std::string_view::npos) return kNone;
  const std::string_view rest = report.substr(at + kKey.size());
  const std::string_view name = rest.substr(0, rest.find('\''));
  for (uint32_t t = 0; t < trace.tasks.size(); ++t)
    if (trace.str(trace.tasks[t].name) == name) return t;
  return kNone;
}

void blocked_warnings(const Trace& trace, std::vector<Warning>& out) {
  size_t count = 0;
  for (size_t i = 0; i < trace.size() && count < kMaxBlockWarnings; ++i) {
    const Event& e = trace[i];
    if (e.kind != EventKind::LoopBlockedFrom) continue;
    ++count;
    const double until = loop::unpack_double(e.a, e.b);
    Warning w = warning(WarningKind::LoopBlocked, i,
                        "Loop blocked " + seconds(until - e.time) + " at t=" + seconds(e.time) +
                            " by a synchronous call");
    w.concerns_loop = true;
    if (e.subject != kNone) {
      w.title += " in " + exporter::task_label(trace, e.subject);
      w.tasks.push_back(e.subject);
    }
    const std::vector<uint32_t> starved = starved_tasks(trace, i, until);
    if (!starved.empty()) w.detail = "Starved: " + task_list(trace, starved);
    for (uint32_t t : starved)
      if (t != e.subject) w.tasks.push_back(t);
    out.push_back(std::move(w));
  }
}

void stderr_warnings(const Trace& trace, std::vector<Warning>& out) {
  for (size_t i = 0; i < trace.size(); ++i) {
    const Event& e = trace[i];
    if (e.kind != EventKind::Stderr) continue;
    const std::string_view text = trace.str(e.a);
    WarningKind kind;
    if (text.find("was never awaited") != std::string_view::npos)
      kind = WarningKind::NeverAwaited;
    else if (text.find("exception was never retrieved") != std::string_view::npos)
      kind = WarningKind::NeverRetrieved;
    else if (text.find("destroyed but it is pending") != std::string_view::npos)
      kind = WarningKind::PendingAtClose;
    else
      continue;
    Warning w = warning(kind, i, std::string(text.substr(0, text.find('\n'))));
    const uint32_t named = task_named_in(trace, text);
    if (named != kNone)
      w.tasks.push_back(named);
    else if (e.subject != kNone && e.subject < trace.tasks.size())
      w.tasks.push_back(e.subject);
    out.push_back(std::move(w));
  }
}

// The tasks whose phase at the end of the run is one of `phases`, in creation order.
std::vector<uint32_t> tasks_ending(const loop::LoopState& end,
                                   std::initializer_list<loop::TaskPhase> phases) {
  std::vector<uint32_t> tasks;
  for (uint32_t t = 0; t < end.tasks.size(); ++t)
    if (std::find(phases.begin(), phases.end(), end.tasks[t].phase) != phases.end())
      tasks.push_back(t);
  return tasks;
}

void outcome_warnings(const Trace& trace, std::vector<Warning>& out) {
  if (trace.size() == 0) return;
  const size_t last = trace.size() - 1;
  const int status = trace.outcome.exit_status;
  const loop::LoopState end = loop::state_at(trace, trace.size());
  using loop::TaskPhase;
  const std::initializer_list<TaskPhase> pending = {TaskPhase::Ready, TaskPhase::Waiting,
                                                    TaskPhase::NotStarted};
  if (status == 3) {
    out.push_back(warning(WarningKind::Deadlock, last, trace.outcome.message,
                          "Nothing is scheduled and nothing can ever wake these tasks."));
    out.back().tasks = tasks_ending(end, pending);
  }
  if (status == 1) {
    out.push_back(warning(WarningKind::UncaughtException, last, trace.outcome.message));
    out.back().tasks = tasks_ending(end, {TaskPhase::Failed});
  }
  if (status == 4)
    out.push_back(warning(WarningKind::BudgetExhausted, last, trace.outcome.message,
                          "The run was stopped; raise the budget from the command line."));
  if (status != 0) return;
  bool reported = false;
  for (const Warning& w : out) reported |= w.kind == WarningKind::PendingAtClose;
  if (reported) return;
  for (uint32_t t : tasks_ending(end, pending)) {
    out.push_back(warning(WarningKind::PendingAtClose, last,
                          exporter::task_label(trace, t) + " was still pending when the loop closed"));
    out.back().tasks.push_back(t);
  }
}

}  // namespace

exporter::TimelineModel steps_timeline(const exporter::TimelineModel& timeline,
                                       const Trace& trace) {
  using exporter::LaneState;
  exporter::TimelineModel out = timeline;
  out.end_time = static_cast<double>(trace.size());
  for (exporter::Lane& lane : out.lanes) {
    auto& segs = lane.segments;
    for (size_t j = 0; j < segs.size(); ++j) {
      const bool ended = segs[j].state == LaneState::Done || segs[j].state == LaneState::Failed ||
                         segs[j].state == LaneState::Cancelled;
      segs[j].start = segs[j].event;
      segs[j].end = j + 1 < segs.size() ? segs[j + 1].event
                    : ended             ? segs[j].event + 1.0
                                        : out.end_time;
    }
    for (exporter::Marker& m : lane.prints) m.time = m.event;
  }
  return out;
}

std::vector<ConsoleLine> console_lines(const Trace& trace) {
  std::vector<ConsoleLine> lines;
  std::string pending[2];
  size_t pending_event[2] = {0, 0};
  for (size_t i = 0; i < trace.size(); ++i) {
    const Event& e = trace[i];
    if (e.kind != EventKind::Stdout && e.kind != EventKind::Stderr) continue;
    const bool err = e.kind == EventKind::Stderr;
    std::string_view text = trace.str(e.a);
    while (!text.empty()) {
      const size_t nl = text.find('\n');
      pending[err] += text.substr(0, nl);
      pending_event[err] = i;
      if (nl == std::string_view::npos) break;
      lines.push_back({i, e.time, err, std::move(pending[err])});
      pending[err].clear();
      text.remove_prefix(nl + 1);
    }
  }
  for (int err = 0; err < 2; ++err)
    if (!pending[err].empty())
      lines.push_back({pending_event[err], trace[pending_event[err]].time, err == 1, pending[err]});
  std::stable_sort(lines.begin(), lines.end(),
                   [](const ConsoleLine& a, const ConsoleLine& b) { return a.event < b.event; });
  return lines;
}

std::vector<Warning> find_warnings(const Trace& trace) {
  std::vector<Warning> out;
  blocked_warnings(trace, out);
  stderr_warnings(trace, out);
  outcome_warnings(trace, out);
  std::stable_sort(out.begin(), out.end(),
                   [](const Warning& a, const Warning& b) { return a.event < b.event; });
  return out;
}

std::vector<uint32_t> warning_lanes(const Warning& warning, const exporter::TimelineModel& timeline) {
  std::vector<uint32_t> lanes;
  if (warning.concerns_loop) lanes.push_back(exporter::TimelineModel::kLoopLane);
  for (uint32_t task : warning.tasks)
    if (task < timeline.task_lane.size() && timeline.task_lane[task] != kNone)
      lanes.push_back(timeline.task_lane[task]);
  return lanes;
}

LoadedRun analyse_run(session::RunResult result) {
  LoadedRun run;
  if (!result.trace) result.trace = std::make_shared<loop::Trace>();
  run.timeline = exporter::build_timeline(*result.trace);
  run.steps_timeline = steps_timeline(run.timeline, *result.trace);
  run.console = console_lines(*result.trace);
  run.warnings = find_warnings(*result.trace);
  run.result = std::move(result);
  return run;
}

}  // namespace looplab::app
