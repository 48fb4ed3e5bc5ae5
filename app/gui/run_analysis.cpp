#include "app/gui/run_analysis.hpp"

#include <algorithm>
#include <cstdio>
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

std::string seconds(double t) {
  char text[32];
  std::snprintf(text, sizeof text, "%.3f s", t);
  return text;
}

// Tasks that were ready, or whose timer came due, while the loop was blocked.
std::string starved_tasks(const Trace& trace, size_t from_event, double until) {
  const loop::LoopState state = loop::state_at(trace, from_event + 1);
  std::vector<uint32_t> starved;
  auto add = [&](uint32_t task) {
    if (task != kNone && std::find(starved.begin(), starved.end(), task) == starved.end())
      starved.push_back(task);
  };
  for (const auto& entry : state.ready) add(entry.task);
  for (const auto& timer : state.timers)
    if (timer.when < until) add(timer.task);
  std::string out;
  for (size_t i = 0; i < starved.size() && i < 8; ++i)
    out += (i ? ", " : "") + exporter::task_label(trace, starved[i]);
  if (starved.size() > 8) out += " and " + std::to_string(starved.size() - 8) + " more";
  return out;
}

void blocked_warnings(const Trace& trace, std::vector<Warning>& out) {
  size_t count = 0;
  for (size_t i = 0; i < trace.size() && count < kMaxBlockWarnings; ++i) {
    const Event& e = trace[i];
    if (e.kind != EventKind::LoopBlockedFrom) continue;
    ++count;
    const double until = loop::unpack_double(e.a, e.b);
    Warning w{WarningKind::LoopBlocked, i,
              "Loop blocked " + seconds(until - e.time) + " at t=" + seconds(e.time) +
                  " by a synchronous call",
              ""};
    if (e.subject != kNone) w.title += " in " + exporter::task_label(trace, e.subject);
    const std::string starved = starved_tasks(trace, i, until);
    if (!starved.empty()) w.detail = "Starved: " + starved;
    out.push_back(std::move(w));
  }
}

void stderr_warnings(const Trace& trace, std::vector<Warning>& out) {
  for (size_t i = 0; i < trace.size(); ++i) {
    const Event& e = trace[i];
    if (e.kind != EventKind::Stderr) continue;
    const std::string_view text = trace.str(e.a);
    std::string_view first = text.substr(0, text.find('\n'));
    if (text.find("was never awaited") != std::string_view::npos)
      out.push_back({WarningKind::NeverAwaited, i, std::string(first), ""});
    else if (text.find("exception was never retrieved") != std::string_view::npos)
      out.push_back({WarningKind::NeverRetrieved, i, std::string(first), ""});
    else if (text.find("destroyed but it is pending") != std::string_view::npos)
      out.push_back({WarningKind::PendingAtClose, i, std::string(first), ""});
  }
}

void outcome_warnings(const Trace& trace, std::vector<Warning>& out) {
  if (trace.size() == 0) return;
  const size_t last = trace.size() - 1;
  const int status = trace.outcome.exit_status;
  if (status == 3)
    out.push_back({WarningKind::Deadlock, last, trace.outcome.message,
                   "Nothing is scheduled and nothing can ever wake these tasks."});
  if (status == 1) out.push_back({WarningKind::UncaughtException, last, trace.outcome.message, ""});
  if (status == 4)
    out.push_back({WarningKind::BudgetExhausted, last, trace.outcome.message,
                   "The run was stopped; raise the budget from the command line."});
  if (status != 0) return;
  const loop::LoopState end = loop::state_at(trace, trace.size());
  bool reported = false;
  for (const Warning& w : out) reported |= w.kind == WarningKind::PendingAtClose;
  for (size_t t = 0; t < end.tasks.size() && !reported; ++t) {
    const loop::TaskPhase p = end.tasks[t].phase;
    if (p == loop::TaskPhase::Ready || p == loop::TaskPhase::Waiting ||
        p == loop::TaskPhase::NotStarted)
      out.push_back({WarningKind::PendingAtClose, last,
                     exporter::task_label(trace, static_cast<uint32_t>(t)) +
                         " was still pending when the loop closed",
                     ""});
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
