#pragma once
// What every panel gets each frame, and the panels themselves (one file each:
// panel_<name>.cpp). Panels read the ViewModel and write requests into `Commands`;
// the App applies them after the frame's drawing, so no panel changes the run mid-frame.

#include <imgui.h>

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "app/gui/fonts.hpp"
#include "app/gui/timeline_image.hpp"
#include "app/gui/view_data.hpp"
#include "app/gui/view_model.hpp"
#include "engine/export/palette.hpp"

namespace looplab::app {

struct Commands {
  std::optional<size_t> seek;       // move the cursor to this many events applied
  std::optional<double> seek_time;  // move the cursor to a virtual time
  bool step_forward = false;
  bool step_back = false;
  bool toggle_play = false;
  bool reset = false;
  bool run_to_end = false;
  std::optional<std::string> open_program;  // scenario name or path
  bool revert_source = false;               // drop the edits, back to the original
  bool source_edited = false;               // App debounces a re-run
  bool parameters_changed = false;
  bool export_requested = false;
  float zoom = 1.0f;  // keyboard zoom of the timeline around the cursor (< 1 zooms in)
};

// Everything about the program being shown that is not the trace.
struct ProgramView {
  session::Program program;
  std::string edited_source;  // what the editor shows; equals program.source until edited
  std::map<std::string, double> parameters;  // current slider values by name
  bool running = false;                      // a re-run is under way (the old trace is still shown)
  bool restored_autosave = false;
  std::string load_error;  // a failed open, shown in the toolbar
};

struct PanelContext {
  const ViewModel& model;
  ViewData& view;
  ProgramView& program;
  const Fonts& fonts;
  const exporter::Palette& colors;
  Commands& commands;
};

void DrawToolbar(PanelContext& ctx);
void DrawSource(PanelContext& ctx);
void DrawParameters(PanelContext& ctx);
void DrawTasks(PanelContext& ctx);
void DrawEventLoop(PanelContext& ctx);
void DrawWarnings(PanelContext& ctx);
void DrawTimeline(PanelContext& ctx);
void DrawConsole(PanelContext& ctx);
void DrawNarration(PanelContext& ctx);
void DrawLegend(PanelContext& ctx);
// The whole timeline (every lane, the whole range) drawn on `draw` from (0,0) with
// `layout`'s rows, for the PNG export. It uses the frame's fonts: call it inside a frame.
void DrawWholeTimeline(const PanelContext& ctx, ImDrawList* draw,
                       const TimelineImageLayout& layout);
// Marks the timeline lanes of the tasks warning `index` concerns (a click on it, or
// `looplab --screenshot --warning N`); clear_highlight unmarks them (a new run, a click).
void mark_warning(ViewData& view, const ViewModel& model, size_t index);
void clear_highlight(ViewData& view);

// [SECTION] Widgets (widgets.cpp)
// A panel's heading in the bold font, so the class can tell the panels apart.
void PanelHeading(const PanelContext& ctx, const char* title);
// Text wrapped at spaces only, in the current font.
void WrappedText(std::string_view text, ImU32 colour);
// Continues the row when `next_width` still fits, else starts a new row.
void SameLineOrWrap(float next_width, float spacing = -1.0f);

}  // namespace looplab::app
