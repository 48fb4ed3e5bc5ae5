// Chrome Trace Event Format (the JSON that Perfetto UI and chrome://tracing open).
//
//   one process (pid 1)            M process_name = options.title
//   one track per lane (tid 1..)   M thread_name + thread_sort_index, in lane order
//   each non-final segment         X slice: "running", "ready", "sleep 3.0", "idle", ...
//   a task's or worker's end       i instant: "done: 42", "failed: ...", "cancelled"
//   each print                     i instant "print" with args.text
//   each wake-up flow              s on the completer's track, f (bp "e") on the waiter's
//
// Timestamps are virtual microseconds. ts and dur are cut from whole nanoseconds so a
// slice ending where the next begins shares its exact timestamp; zero-length steps keep
// dur 0 (Perfetto draws them) and carry their step (event index) and loop iteration.

#include <string>

#include "engine/export/export.hpp"
#include "engine/export/narration.hpp"
#include "engine/export/timeline_model.hpp"
#include "engine/export/writers.hpp"

namespace looplab::exporter {

using loop::Event;
using loop::EventKind;
using loop::Trace;

namespace {

constexpr unsigned kPid = 1;

// `"pid":1,"tid":N` for the lane's track.
void append_track(std::string& out, size_t lane) {
  out += "\"pid\":1,\"tid\":";
  append_uint(out, lane + 1);
}

void append_ts(std::string& out, double seconds) {
  out += "\"ts\":";
  append_micros(out, seconds);
}

void write_metadata(OutputBuffer& buf, const TimelineModel& model, const Options& options) {
  std::string& out = buf.text;
  out += "{\"name\":\"process_name\",\"ph\":\"M\",\"pid\":";
  append_uint(out, kPid);
  out += ",\"tid\":0,\"args\":{\"name\":";
  append_json_string(out, options.title);
  out += "}}";
  for (size_t lane = 0; lane < model.lanes.size(); ++lane) {
    out += ",\n{\"name\":\"thread_name\",\"ph\":\"M\",";
    append_track(out, lane);
    out += ",\"args\":{\"name\":";
    append_json_string(out, model.lanes[lane].name);
    out += "}},\n{\"name\":\"thread_sort_index\",\"ph\":\"M\",";
    append_track(out, lane);
    out += ",\"args\":{\"sort_index\":";
    append_uint(out, lane);
    out += "}}";
  }
  buf.maybe_flush();
}

bool is_final(LaneState s) {
  return s == LaneState::Done || s == LaneState::Failed || s == LaneState::Cancelled;
}

void write_segment(std::string& out, const Trace& trace, size_t lane, const Segment& seg) {
  const Event& e = trace.events[seg.event];
  out += ",\n{\"name\":";
  append_json_string(out, segment_label(trace, seg));
  out += ",\"cat\":\"";
  out += state_name(seg.state);
  if (is_final(seg.state)) {
    out += "\",\"ph\":\"i\",\"s\":\"t\",";
  } else {
    out += "\",\"ph\":\"X\",";
  }
  append_ts(out, seg.start);
  if (!is_final(seg.state)) {
    out += ",\"dur\":";
    append_nanos_as_micros(out, to_nanos(seg.end) - to_nanos(seg.start));
  }
  out += ',';
  append_track(out, lane);
  out += ",\"args\":{\"step\":";
  append_uint(out, seg.event);
  out += ",\"iteration\":";
  append_uint(out, e.iteration);
  out += "}}";
}

void write_print(std::string& out, const Trace& trace, size_t lane, const Marker& m) {
  const Event& e = trace.events[m.event];
  out += ",\n{\"name\":\"";
  out += e.kind == EventKind::Stderr ? "stderr" : "print";
  out += "\",\"cat\":\"output\",\"ph\":\"i\",\"s\":\"t\",";
  append_ts(out, m.time);
  out += ',';
  append_track(out, lane);
  out += ",\"args\":{\"text\":";
  append_json_string(out, text_of(trace, e.a));
  out += ",\"step\":";
  append_uint(out, m.event);
  out += "}}";
}

void write_lanes(OutputBuffer& buf, const Trace& trace, const TimelineModel& model) {
  for (size_t lane = 0; lane < model.lanes.size(); ++lane) {
    for (const Segment& seg : model.lanes[lane].segments) {
      write_segment(buf.text, trace, lane, seg);
      buf.maybe_flush();
    }
    for (const Marker& m : model.lanes[lane].prints) {
      write_print(buf.text, trace, lane, m);
      buf.maybe_flush();
    }
  }
}

void write_flows(OutputBuffer& buf, const Trace& trace, const TimelineModel& model) {
  for (size_t i = 0; i < model.flows.size(); ++i) {
    const Flow& f = model.flows[i];
    std::string& out = buf.text;
    out += ",\n{\"name\":\"wake-up\",\"cat\":\"flow\",\"ph\":\"s\",\"id\":";
    append_uint(out, i + 1);
    out += ',';
    append_ts(out, trace.events[f.from_event].time);
    out += ',';
    append_track(out, f.from_lane);
    out += "},\n{\"name\":\"wake-up\",\"cat\":\"flow\",\"ph\":\"f\",\"bp\":\"e\",\"id\":";
    append_uint(out, i + 1);
    out += ',';
    append_ts(out, trace.events[f.to_event].time);
    out += ',';
    append_track(out, f.to_lane);
    out += '}';
    buf.maybe_flush();
  }
}

}  // namespace

bool write_chrome(const Trace& trace, std::ostream& out, const Options& options,
                  std::string* error) {
  const TimelineModel model = build_timeline(trace);
  OutputBuffer buf(out);
  buf.text += "{\"displayTimeUnit\":\"ms\",\"otherData\":{\"generator\":\"LoopLab\",\"title\":";
  append_json_string(buf.text, options.title);
  buf.text += "},\n\"traceEvents\":[\n";
  write_metadata(buf, model, options);
  write_lanes(buf, trace, model);
  write_flows(buf, trace, model);
  buf.text += "\n]}\n";
  if (buf.flush()) return true;
  if (error) *error = "the output stream failed";
  return false;
}

}  // namespace looplab::exporter
