// Text: a readable log of the run. The program's console output appears where it was
// written ("| " lines, "! " for stderr), between narrated events, so a handout shows
// what the class saw and why.
//
//        time   step  iter  what happens
//       0.000      3     1  Task-1 (main) starts a step at line 12
//       0.000      5     1  | Hello

#include <string>
#include <string_view>

#include "engine/export/export.hpp"
#include "engine/export/narration.hpp"
#include "engine/export/writers.hpp"

namespace looplab::exporter {

using loop::Event;
using loop::EventKind;
using loop::Trace;

namespace {

void pad_left(std::string& out, std::string_view text, size_t width) {
  if (text.size() < width) out.append(width - text.size(), ' ');
  out += text;
}

void append_columns(std::string& out, const Event& e, size_t index) {
  std::string cell;
  append_seconds(cell, e.time);
  pad_left(out, cell, 10);
  cell.clear();
  append_uint(cell, index);
  pad_left(out, cell, 8);
  cell.clear();
  append_uint(cell, e.iteration);
  pad_left(out, cell, 6);
  out += "  ";
}

void write_header(std::string& out, const Trace& trace, const Options& options) {
  out += "LoopLab trace: ";
  append_utf8(out, options.title);
  out += '\n';
  append_uint(out, trace.events.size());
  out += trace.events.size() == 1 ? " event, " : " events, ";
  append_uint(out, trace.tasks.size());
  out += trace.tasks.size() == 1 ? " task, " : " tasks, ";
  append_uint(out, trace.workers.size());
  out += trace.workers.size() == 1 ? " worker; " : " workers; ";
  if (trace.finished) {
    out += "ends at t=";
    append_seconds(out, trace.events.empty() ? 0.0 : trace.events.back().time);
    out += " with exit status ";
    append_uint(out, static_cast<unsigned>(trace.outcome.exit_status));
  } else {
    out += "the run did not finish";
  }
  out += "\n\n      time    step  iter  what happens\n";
}

// Console text, one "| " line per printed line (a print without a newline stays open
// and the next chunk continues it on a line of its own).
void append_output(std::string& out, const Event& e, size_t index, std::string_view text) {
  const char* mark = e.kind == EventKind::Stderr ? "! " : "| ";
  while (!text.empty()) {
    const size_t nl = text.find('\n');
    append_columns(out, e, index);
    out += mark;
    append_utf8(out, text.substr(0, nl));
    out += '\n';
    if (nl == std::string_view::npos) break;
    text.remove_prefix(nl + 1);
  }
}

// Events a reader skips unless asked: line-by-line moves and the loop popping a live
// handle (the StepBegin or callback right after says it better).
bool is_detail(const Event& e) {
  return e.kind == EventKind::Line || (e.kind == EventKind::HandleRun && e.c == 0);
}

}  // namespace

bool write_text(const Trace& trace, std::ostream& out, const Options& options, std::string* error) {
  OutputBuffer buf(out);
  write_header(buf.text, trace, options);
  Narrator narrator(trace);
  for (size_t i = 0; i < trace.events.size(); ++i) {
    const Event& e = trace.events[i];
    if (e.kind == EventKind::Stdout || e.kind == EventKind::Stderr) {
      append_output(buf.text, e, i, text_of(trace, e.a));
    } else if (options.verbose || !is_detail(e)) {
      append_columns(buf.text, e, i);
      narrator.append(buf.text, i);
      buf.text += '\n';
    }
    buf.maybe_flush();
  }
  if (!trace.outcome.message.empty()) {
    buf.text += "\nOutcome: ";
    append_utf8(buf.text, trace.outcome.message);
    buf.text += '\n';
  }
  if (buf.flush()) return true;
  if (error) *error = "the output stream failed";
  return false;
}

}  // namespace looplab::exporter
