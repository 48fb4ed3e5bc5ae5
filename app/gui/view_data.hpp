#pragma once
// Everything about how the run is shown, and nothing about the run itself (Tracy's
// ViewData): which panels are open, splitter positions, zoom, theme, font scale. It is a
// plain struct so settings.cpp can persist it field by field.

#include <cstdint>
#include <string>
#include <vector>

namespace looplab::app {

enum class Granularity { Line, TaskStep, Iteration, Instant };
inline constexpr int kGranularityCount = 4;
const char* to_string(Granularity g);

struct PanelFlags {
  bool source = true;
  bool parameters = true;
  bool tasks = true;
  bool event_loop = true;
  bool warnings = true;
  bool console = true;
  bool narration = true;
  bool legend = true;
};

struct ViewData {
  PanelFlags show;
  // Splitters, as fractions of the window so a resized window keeps its proportions.
  float left_fraction = 0.32f;
  float right_fraction = 0.27f;
  float bottom_fraction = 0.30f;  // console/narration under the timeline
  float source_fraction = 0.68f;  // the source's share of the left column (parameters below)
  float tasks_fraction = 0.36f;   // tasks at the top of the right column
  float loop_fraction = 0.62f;    // event loop's share below the tasks (warnings under it)

  bool dark = false;
  float font_scale = 1.0f;  // 0.75 .. 3.0; Ctrl+= / Ctrl+-
  float speed = 1.0f;       // virtual seconds per real second, 0.1 .. 100
  Granularity granularity = Granularity::TaskStep;

  // Timeline view: visible range on the time axis (seconds) and on the steps axis (event
  // indices, where zero-duration steps get width); t1 <= t0 means "fit the whole run".
  bool steps_axis = false;
  double view_t0 = 0.0;
  double view_t1 = 0.0;
  double view_s0 = 0.0;
  double view_s1 = 0.0;
  int selected_task = -1;  // task id, -1 for none
  // The lanes the clicked warning concerns (indices shared by both timelines), marked in
  // the timeline; it scrolls the first one into view once. Not persisted.
  std::vector<uint32_t> highlighted_lanes;
  int highlighted_warning = -1;
  bool scroll_to_highlight = false;
  bool source_editing = false;  // the Source panel shows the editor (not persisted)

  std::vector<std::string> recent_files;
  int window_width = 1600;
  int window_height = 1000;
};

}  // namespace looplab::app
