#pragma once
// The App: one full-window host laid out with splitters (Dear ImGui 1.86 has no docking),
// the keyboard shortcuts, and the glue between input, the background run and the
// ViewModel. Panels live in panel_*.cpp; this file only places them.

#include <map>
#include <optional>
#include <string>

#include "app/gui/background_run.hpp"
#include "app/gui/export_dialog.hpp"
#include "app/gui/fonts.hpp"
#include "app/gui/panels.hpp"
#include "app/gui/platform.hpp"
#include "app/gui/view_data.hpp"
#include "app/gui/view_model.hpp"

namespace looplab::app {

class App {
 public:
  App(Platform& platform, ViewData view, bool persist);
  ~App();

  // Opens a scenario name or a .py path; errors are shown in the UI.
  void open(const std::string& name_or_path);
  // One frame: input, drawing, applying commands. `dt` is the real time since the last.
  void frame(double dt);
  // Blocks until the current background run (if any) has delivered its trace.
  void wait_for_run();
  ViewModel& model() { return model_; }
  ViewData& view() { return view_; }
  const ProgramView& program() const { return program_; }
  // Renders the whole timeline to a PNG during the next frame(); then
  // take_timeline_png_result() has "" on success or the error.
  void request_timeline_png(std::string path) { timeline_png_ = std::move(path); }
  std::optional<std::string> take_timeline_png_result() {
    std::optional<std::string> out = std::move(timeline_png_result_);
    timeline_png_result_.reset();
    return out;
  }
  // A PNG the user asked for, to be read back after this frame's render; then report.
  std::optional<PendingCapture> take_capture() { return export_.take_capture(); }
  void capture_finished(bool ok, const std::string& error);
  // Something moves on its own (playing, a run under way): keep drawing frames.
  bool animating() const {
    return model_.playing() || runner_.running() || rerun_due_ >= 0 || autosave_due_ >= 0;
  }
  // Overrides given on the command line (--set NAME=VALUE) for the next open().
  void set_overrides(std::map<std::string, double> values) { overrides_ = std::move(values); }

 private:
  void rebuild_fonts_if_needed();
  void handle_keyboard(Commands& commands);
  void handle_dropped_files();
  void draw_menu_bar(Commands& commands);
  void draw_layout(PanelContext& ctx);
  void draw_left_column(PanelContext& ctx);
  void draw_centre_column(PanelContext& ctx);
  void draw_right_column(PanelContext& ctx);
  void apply(const Commands& commands);
  void start_run(bool keep_time);
  void poll_run();
  void autosave_if_due(double now);
  void write_timeline_png(const PanelContext& ctx);

  Platform& platform_;
  ViewData view_;
  bool persist_;
  ViewModel model_;
  ProgramView program_;
  BackgroundRun runner_;
  ExportDialog export_;
  Fonts fonts_;
  float fonts_scale_ = 0.0f;
  bool style_dark_ = false;
  float style_scale_ = 0.0f;
  bool keep_time_on_result_ = false;
  double clock_ = 0.0;       // real seconds since start
  double rerun_due_ = -1.0;  // debounce deadline for an edit/param re-run
  double autosave_due_ = -1.0;
  std::string status_;  // last error/info line, shown in the menu bar
  float timeline_width_ = 0;  // the on-screen panel's, the default width of its PNG
  std::optional<std::string> timeline_png_;         // a path to render to
  std::optional<std::string> timeline_png_result_;  // "" or the error
  std::map<std::string, double> overrides_;
};

}  // namespace looplab::app
