#pragma once
// The window, the GL context and Dear ImGui's platform/renderer backends, kept apart from
// everything the app draws. One Platform per process.

#include <functional>
#include <string>
#include <vector>

struct GLFWwindow;
struct ImDrawList;

namespace looplab::app {

struct WindowOptions {
  int width = 1600;
  int height = 1000;
  bool visible = true;  // false for --screenshot and --bench-frames runs
  std::string title = "LoopLab";
};

// A rectangle in framebuffer pixels, origin top-left (ImGui's convention).
struct PixelRect {
  int x = 0, y = 0, w = 0, h = 0;
};

class Platform {
 public:
  // Returns false (with `error` set) when no display or no OpenGL 3.3 context is available.
  bool open(const WindowOptions& options, std::string* error);
  void close();
  ~Platform() { close(); }

  bool should_close() const;
  void request_close();
  void begin_frame();  // polls events and starts an ImGui frame
  void render();       // renders ImGui into the back buffer
  void swap();         // shows the back buffer
  void finish();       // waits for the GPU (benchmarks time the whole frame)
  // Sleeps until input arrives or `timeout` seconds pass (an idle window costs nothing).
  void wait_for_input(double timeout);
  // Reads `rect` (or the whole framebuffer when rect.w == 0) of the back buffer after
  // render() and writes it to a PNG atomically (temporary file + rename).
  bool write_png(const std::string& path, PixelRect rect, std::string* error) const;
  // Renders `list` (drawn on a width x height canvas whose origin is 0,0, e.g. the whole
  // timeline) into an offscreen framebuffer, band by band so any height fits GL's
  // limits, and writes it as a PNG atomically. Call it between frames or inside one.
  bool write_png_offscreen(const std::string& path, ImDrawList* list, int width, int height,
                           std::string* error) const;

  // Files dropped onto the window since the last call.
  std::vector<std::string> take_dropped_files();
  // Replaces the font texture after the atlas was rebuilt between frames.
  void reload_font_texture();

  GLFWwindow* window() const { return window_; }
  int framebuffer_width() const;
  int framebuffer_height() const;
  void window_size(int* w, int* h) const;

 private:
  GLFWwindow* window_ = nullptr;
  bool imgui_ready_ = false;
  std::vector<std::string> dropped_;
  friend void on_drop(GLFWwindow*, int, const char**);
};

}  // namespace looplab::app
