#pragma once
// Narration: the plain-language sentence for each trace event, in the words a teacher
// uses ("Task-2 (chef) starts a step at line 14", "The timer for Task-2 fires: its
// wake-up goes to the back of the ready queue"). The GUI's narration panel, the text
// export, the CSV's detail column and the SVG tooltips all take their words from here,
// so the class reads the same sentence wherever it looks.
//
// Cost: a sentence needs the event and the side tables; only a StepBegin also needs the
// line its task stopped at, which `narrate` finds by walking back and a Narrator keeps
// while it sweeps forward (O(events) for a whole trace).

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/loop/trace.hpp"

namespace looplab::exporter {

// [SECTION] Sentences ----------------------------------------------------------------

// The sentence for trace.events[event_index] (one line, no trailing period, no newline).
std::string narrate(const loop::Trace& trace, size_t event_index);
// Same words appended to `out`.
void append_narration(std::string& out, const loop::Trace& trace, size_t event_index);

// Narrates a trace front to back (the text and CSV exports). A step's sentence says the
// line the task resumes at, which lies in an earlier step; the Narrator remembers each
// task's line as it goes, where `narrate` has to walk back to find it.
class Narrator {
 public:
  explicit Narrator(const loop::Trace& trace);
  // O(1) amortised when event indices increase; going back restarts the sweep.
  void append(std::string& out, size_t event_index);

 private:
  const loop::Trace* trace_;
  std::vector<uint32_t> task_line_;  // by task id, 0 = no line yet
  size_t seen_ = 0;                  // events already folded into task_line_
};

// [SECTION] Names --------------------------------------------------------------------
// The names lanes, tracks and columns show.

// The interned string `id`, or "" if the trace has no such string (a hand-built or
// damaged trace must not crash an export).
std::string_view text_of(const loop::Trace& trace, loop::StringId id);

// "Task-2" (the task's latest name; "-" for kNone).
std::string task_label(const loop::Trace& trace, uint32_t task);
// "Task-2 (chef)": the name and, when it says something more, the coroutine's name.
std::string task_label_with_coroutine(const loop::Trace& trace, uint32_t task);
// "Worker-1 (fetch)": 1-based like Task-N, with the function it runs.
std::string worker_label(const loop::Trace& trace, uint32_t worker);
// Who an event concerns, as the CSV's task column shows it: a task, a worker,
// "loop" for the loop's own events, "-" when nobody in particular.
std::string subject_label(const loop::Trace& trace, size_t event_index);
// What a StepEnd waits on, short enough for a timeline slice: "sleep 3.0",
// "await Task-3", "await Lock", "await gather", "yield".
std::string wait_label(const loop::Trace& trace, size_t step_end_index);

}  // namespace looplab::exporter
