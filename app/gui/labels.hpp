#pragma once
// Words and colours shared by the panels: a task's state as the class sees it, what it
// awaits, times formatted the way the lessons write them. No ImGui in here.

#include <string>

#include "engine/export/palette.hpp"
#include "engine/loop/replay.hpp"

namespace looplab::app {

exporter::LaneState lane_state(loop::TaskPhase phase);
const char* phase_word(
    loop::TaskPhase phase);  // "ready", "running", ... ("new" before its first step)
// "sleep until t=3.000", "Task-3", "worker Worker-1 (fetch)", "Lock.acquire", ...
std::string awaiting_text(const loop::Trace& trace, const loop::TaskState& task);
// "3.000" (three decimals, as `--stamp` writes times)
std::string format_time(double t);

}  // namespace looplab::app
