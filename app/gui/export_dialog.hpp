#pragma once
// File ▸ Export: a modal with the format and a file name. Trace formats are written by
// engine/export (atomically); PNGs are read back from the frame just rendered, so the
// dialog hands the App a pending capture and the main loop writes it after render().

#include <optional>
#include <string>

#include "app/gui/platform.hpp"

namespace looplab::app {

struct PanelContext;

struct PendingCapture {
  std::string path;
  PixelRect rect;  // w == 0: the whole window
};

class ExportDialog {
 public:
  void open() { open_requested_ = true; }
  void draw(PanelContext& ctx, PixelRect timeline);
  // A PNG to write after this frame's render; the dialog is already closed by then.
  std::optional<PendingCapture> take_capture();
  void capture_finished(bool ok, const std::string& error);
  const std::string& error() const { return error_; }

 private:
  void run_export(PanelContext& ctx, PixelRect timeline);

  bool open_requested_ = false;
  int format_ = 0;
  std::string path_;
  std::string error_;
  std::string done_;
  std::optional<PendingCapture> capture_;
  int capture_delay_ = 0;  // frames to wait so the modal is gone from the picture
};

}  // namespace looplab::app
