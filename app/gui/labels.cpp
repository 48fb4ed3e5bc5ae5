#include "app/gui/labels.hpp"

#include <cctype>
#include <cstdio>

#include "engine/export/narration.hpp"

namespace looplab::app {

using exporter::LaneState;
using loop::TaskPhase;
using loop::WaitKind;

LaneState lane_state(TaskPhase phase) {
  switch (phase) {
    case TaskPhase::NotStarted:
    case TaskPhase::Ready:
      return LaneState::Ready;
    case TaskPhase::Running:
      return LaneState::Running;
    case TaskPhase::Waiting:
      return LaneState::Waiting;
    case TaskPhase::Done:
      return LaneState::Done;
    case TaskPhase::Failed:
      return LaneState::Failed;
    case TaskPhase::Cancelled:
      return LaneState::Cancelled;
  }
  return LaneState::Waiting;
}

const char* phase_word(TaskPhase phase) {
  return phase == TaskPhase::NotStarted ? "new" : exporter::state_name(lane_state(phase));
}

std::string format_time(double t) {
  char text[32];
  std::snprintf(text, sizeof text, "%.3f", t);
  return text;
}

std::string awaiting_text(const loop::Trace& trace, const loop::TaskState& task) {
  if (task.phase != TaskPhase::Waiting) return {};
  const uint32_t target = task.target;
  switch (task.wait) {
    case WaitKind::None:
      return {};
    case WaitKind::Sleep:
      return "sleep until t=" + format_time(task.wake_time);
    case WaitKind::Task:
      return target == loop::kNone ? "a task" : "task " + exporter::task_label(trace, target);
    case WaitKind::Worker:
      return target == loop::kNone ? "a worker" : "worker " + exporter::worker_label(trace, target);
    case WaitKind::BareYield:
      return "yield (back of the queue)";
    default:
      break;
  }
  std::string what = loop::to_string(task.wait);
  if (target != loop::kNone && target < trace.futures.size()) {
    const std::string_view description = trace.str(trace.futures[target].description);
    if (!description.empty()) return std::string(description);
  }
  for (char& c : what) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return what;
}

}  // namespace looplab::app
