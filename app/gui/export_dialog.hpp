#pragma once
// File ▸ Export: a modal with the format and a file name. Trace formats are written by
// engine/export (atomically). The window PNG is read back from the frame just rendered,
// so the dialog hands the App a pending capture and the main loop writes it after
// render(); the timeline PNG (every lane, the whole run) is rendered offscreen.

#include <optional>
#include <string>

#include "app/gui/platform.hpp"

namespace looplab::app {

struct PanelContext;

struct PendingCapture {
  std::string path;  // the whole window, read back after render()
};

class ExportDialog {
 public:
  void open() { open_requested_ = true; }
  void draw(PanelContext& ctx);
  // A PNG to write after this frame's render; the dialog is already closed by then.
  std::optional<PendingCapture> take_capture();
  // A whole-timeline PNG to render offscreen (App::frame does it, inside the frame).
  std::optional<std::string> take_timeline_png();
  void capture_finished(bool ok, const std::string& error);
  const std::string& error() const { return error_; }

 private:
  void run_export(PanelContext& ctx);

  bool open_requested_ = false;
  int format_ = 0;
  std::string path_;
  std::string error_;
  std::string done_;
  std::optional<PendingCapture> capture_;
  std::optional<std::string> timeline_png_;
  int capture_delay_ = 0;  // frames to wait so the modal is gone from the picture
};

}  // namespace looplab::app
