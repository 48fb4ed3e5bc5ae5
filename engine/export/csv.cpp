// CSV: one row per trace event, `time,step,iteration,task,kind,detail`, RFC 4180
// (CRLF line ends, fields quoted only when they must be). `detail` is the narration.

#include <string>

#include "engine/export/export.hpp"
#include "engine/export/narration.hpp"
#include "engine/export/writers.hpp"

namespace looplab::exporter {

bool write_csv(const loop::Trace& trace, std::ostream& out, const Options& /*options*/,
               std::string* error) {
  OutputBuffer buf(out);
  buf.text += "time,step,iteration,task,kind,detail\r\n";
  Narrator narrator(trace);
  std::string sentence;
  for (size_t i = 0; i < trace.events.size(); ++i) {
    const loop::Event& e = trace.events[i];
    std::string& row = buf.text;
    append_python_float(row, e.time);
    row += ',';
    append_uint(row, i);
    row += ',';
    append_uint(row, e.iteration);
    row += ',';
    append_csv_field(row, subject_label(trace, i));
    row += ',';
    row += loop::to_string(e.kind);
    row += ',';
    sentence.clear();
    narrator.append(sentence, i);
    append_csv_field(row, sentence);
    row += "\r\n";
    buf.maybe_flush();
  }
  if (buf.flush()) return true;
  if (error) *error = "the output stream failed";
  return false;
}

}  // namespace looplab::exporter
