#pragma once
// The window, the GL context and Dear ImGui's platform/renderer backends, kept apart from
// everything the app draws. One Platform per process.

#include <string>

struct GLFWwindow;

namespace looplab::app {

struct WindowOptions {
  int width = 1600;
  int height = 1000;
  bool visible = true;  // false for --screenshot and --bench-frames runs
  std::string title = "LoopLab";
};

class Platform {
 public:
  // Returns false (with `error` set) when no display or no OpenGL 3.3 context is available.
  bool open(const WindowOptions& options, std::string* error);
  void close();
  ~Platform() { close(); }

  bool should_close() const;
  void begin_frame();  // polls events and starts an ImGui frame
  void end_frame();    // renders ImGui and swaps buffers
  // Renders the current ImGui frame and writes the framebuffer to a PNG. Call instead of
  // end_frame() on the last frame of a screenshot run.
  bool end_frame_to_png(const std::string& path, std::string* error);

  GLFWwindow* window() const { return window_; }
  int framebuffer_width() const;
  int framebuffer_height() const;

 private:
  void render_draw_data();
  GLFWwindow* window_ = nullptr;
  bool imgui_ready_ = false;
};

}  // namespace looplab::app
