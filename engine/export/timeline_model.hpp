#pragma once
// The timeline as lanes of coloured segments, built once from a Trace in O(events).
// The SVG export draws it; the GUI's timeline view draws the same model on screen.
//
// Lanes: the loop first, then every task and worker in creation order (the order their
// TaskCreated / WorkerStart events appear). A segment is a span of virtual time in one
// LaneState; a task's segments cover it from creation to its end, followed by a
// zero-length Done/Failed/Cancelled segment. Steps take no virtual time, so Running
// segments are usually zero-length: a view gives them a minimum width, and folds what
// falls under one pixel (see fold_segments).
//
// CULLING CONTRACT: within a lane, segments are disjoint and in time order, so both
// their starts and their ends are sorted; `visible` finds a time window's segments with
// two binary searches.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include "engine/export/palette.hpp"
#include "engine/loop/trace.hpp"

namespace looplab::exporter {

// [SECTION] Model --------------------------------------------------------------------

enum class LaneKind : uint8_t { Loop, Task, Worker };

struct Segment {
  double start = 0.0;
  double end = 0.0;
  uint32_t event = 0;  // the trace event that began it (its label and tooltip come from it)
  LaneState state = LaneState::Waiting;
};

// An instant on a lane: a print (Stdout/Stderr event).
struct Marker {
  double time = 0.0;
  uint32_t event = 0;
};

struct Lane {
  LaneKind kind = LaneKind::Loop;
  uint32_t id = 0;   // task id or worker id (0 for the loop)
  std::string name;  // "event loop", "Task-2 (chef)", "Worker-1 (fetch)"
  std::vector<Segment> segments;
  std::vector<Marker> prints;
};

// An arrow from what completed (the awaited task's end, the future's resolution, the
// worker's end, the sleep's timer) to the waiter's next StepBegin.
struct Flow {
  uint32_t from_event = 0;
  uint32_t to_event = 0;
  uint32_t from_lane = 0;
  uint32_t to_lane = 0;
};

struct TimelineModel {
  std::vector<Lane> lanes;
  std::vector<Flow> flows;            // in to_event order
  std::vector<uint32_t> task_lane;    // task id -> lane index
  std::vector<uint32_t> worker_lane;  // worker id -> lane index
  double end_time = 0.0;              // the time of the trace's last event

  static constexpr uint32_t kLoopLane = 0;

  // The segments of `lane` that overlap [t0, t1] (zero-length ones at the edges count).
  std::span<const Segment> visible(size_t lane, double t0, double t1) const;
  // Bytes held by the model (bench: its share of the exporters' peak memory).
  size_t memory_bytes() const;
};

TimelineModel build_timeline(const loop::Trace& trace);

// What a segment shows: "running", "sleep 3.0", "await Task-3", "iteration 7",
// "time.sleep(2.0)", "done: 42".
std::string segment_label(const loop::Trace& trace, const Segment& segment);

// [SECTION] Folding ------------------------------------------------------------------
// Turns a lane's segments into drawable rectangles at a given scale: segments at least
// `min_width` px wide keep their exact extent; narrower ones that start within the
// same `min_width` span are merged into one rectangle. A merged rectangle shows a
// failure, cancellation or blocked loop if it holds one, else the state covering the
// most time (zero-length steps only: running > ready > done > waiting). A lane never
// yields more than about 2 * width / min_width rectangles, whatever the trace size.

struct FoldedRect {
  double x0 = 0.0;  // px
  double x1 = 0.0;  // px, x1 >= x0 + min_width for folded or narrow segments
  LaneState state = LaneState::Waiting;
  uint32_t first = 0;  // index into the lane's segments
  uint32_t count = 1;  // segments it stands for
  bool exact = false;  // one segment drawn at its own extent (not widened or merged)
};

struct TimeScale {
  double t0 = 0.0;  // time at x_origin
  double px_per_s = 1.0;
  double x_origin = 0.0;
  double x(double t) const { return x_origin + (t - t0) * px_per_s; }
};

void fold_segments(std::span<const Segment> segments, const TimeScale& scale, double min_width,
                   const std::function<void(const FoldedRect&)>& emit);

}  // namespace looplab::exporter
