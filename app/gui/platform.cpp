#include "app/gui/platform.hpp"

#include <glad/gl.h>
// glad must come before GLFW so GLFW does not pull in a system GL header.
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>
#include <stb_image_write.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <new>
#include <numbers>

namespace looplab::app {

namespace {

void glfw_error(int code, const char* text) {
  std::fprintf(stderr, "GLFW error %d: %s\n", code, text);
}

// The icon is drawn, not loaded, so the binary needs no asset files at run time: a ring
// in four of the palette's state colours (ready, running, waiting, done), the event loop
// going round.
void set_window_icon(GLFWwindow* window) {
  constexpr int kSize = 64;
  constexpr unsigned char kColours[4][3] = {
      {0xE6, 0x9F, 0x00}, {0x00, 0x9E, 0x73}, {0x56, 0xB4, 0xE9}, {0x9A, 0x9A, 0x9A}};
  std::vector<unsigned char> pixels(kSize * kSize * 4, 0);
  for (int y = 0; y < kSize; ++y) {
    for (int x = 0; x < kSize; ++x) {
      const double dx = x + 0.5 - kSize / 2.0, dy = y + 0.5 - kSize / 2.0;
      const double r = std::sqrt(dx * dx + dy * dy);
      if (r < kSize * 0.26 || r > kSize * 0.48) continue;
      const double turn = (std::atan2(dy, dx) + std::numbers::pi) / (2 * std::numbers::pi);
      const unsigned char* c = kColours[static_cast<int>(turn * 4) % 4];
      unsigned char* p = &pixels[(y * kSize + x) * 4];
      p[0] = c[0];
      p[1] = c[1];
      p[2] = c[2];
      p[3] = 255;
    }
  }
  GLFWimage image{kSize, kSize, pixels.data()};
  glfwSetWindowIcon(window, 1, &image);
}

}  // namespace

void on_drop(GLFWwindow* window, int count, const char** paths) {
  auto* self = static_cast<Platform*>(glfwGetWindowUserPointer(window));
  for (int i = 0; i < count; ++i) self->dropped_.emplace_back(paths[i]);
}

bool Platform::open(const WindowOptions& options, std::string* error) {
  glfwSetErrorCallback(glfw_error);
  if (!glfwInit()) {
    *error = "cannot open a window: no display (is DISPLAY set? try xvfb-run)";
    return false;
  }
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_VISIBLE, options.visible ? GLFW_TRUE : GLFW_FALSE);
  window_ =
      glfwCreateWindow(options.width, options.height, options.title.c_str(), nullptr, nullptr);
  if (!window_) {
    *error = "cannot create an OpenGL 3.3 core window";
    glfwTerminate();
    return false;
  }
  glfwSetWindowUserPointer(window_, this);
  glfwSetDropCallback(window_, on_drop);
  set_window_icon(window_);
  glfwMakeContextCurrent(window_);
  glfwSwapInterval(options.visible ? 1 : 0);
  if (!gladLoadGL(glfwGetProcAddress)) {
    *error = "cannot load OpenGL 3.3 functions";
    close();
    return false;
  }
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;  // layout persistence is the app's, not imgui.ini
  ImGui_ImplGlfw_InitForOpenGL(window_, true);
  ImGui_ImplOpenGL3_Init("#version 330 core");
  imgui_ready_ = true;
  return true;
}

void Platform::close() {
  if (imgui_ready_) {
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    imgui_ready_ = false;
  }
  if (window_) {
    glfwDestroyWindow(window_);
    window_ = nullptr;
    glfwTerminate();
  }
}

bool Platform::should_close() const {
  return glfwWindowShouldClose(window_);
}
void Platform::request_close() {
  glfwSetWindowShouldClose(window_, GLFW_TRUE);
}

int Platform::framebuffer_width() const {
  int w = 0, h = 0;
  glfwGetFramebufferSize(window_, &w, &h);
  return w;
}

int Platform::framebuffer_height() const {
  int w = 0, h = 0;
  glfwGetFramebufferSize(window_, &w, &h);
  return h;
}

void Platform::window_size(int* w, int* h) const {
  glfwGetWindowSize(window_, w, h);
}

void Platform::begin_frame() {
  glfwPollEvents();
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGui::NewFrame();
}

void Platform::render() {
  ImGui::Render();
  glViewport(0, 0, framebuffer_width(), framebuffer_height());
  const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
  glClearColor(bg.x, bg.y, bg.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

void Platform::swap() {
  glfwSwapBuffers(window_);
}
void Platform::finish() {
  glFinish();
}
void Platform::wait_for_input(double timeout) {
  glfwWaitEventsTimeout(timeout);
}

std::vector<std::string> Platform::take_dropped_files() {
  std::vector<std::string> out;
  out.swap(dropped_);
  return out;
}

void Platform::reload_font_texture() {
  ImGui_ImplOpenGL3_DestroyFontsTexture();
  ImGui_ImplOpenGL3_CreateFontsTexture();
}

namespace {

// Written to a temporary name and renamed so a reader never sees half a file. `pixels`
// are RGBA rows, top row first. Window shots are unfiltered: flat UI colours compress
// almost as well, and tests/gui's checker (plain Python, no image library) decodes them
// without a per-byte loop; a tall timeline is filtered, a fraction of the size.
bool write_png_file(const std::string& path, const std::vector<unsigned char>& pixels, int w,
                    int h, bool filtered, std::string* error) {
  stbi_write_force_png_filter = filtered ? -1 : 0;
  stbi_flip_vertically_on_write(0);
  const std::string tmp = path + ".tmp";
  if (!stbi_write_png(tmp.c_str(), w, h, 4, pixels.data(), w * 4)) {
    *error = "cannot write " + path;
    std::error_code ec;
    std::filesystem::remove(tmp, ec);
    return false;
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::filesystem::remove(tmp, ec);
    *error = "cannot write " + path + ": " + ec.message();
    return false;
  }
  return true;
}

// Reads a w x h block whose top-left is (x, top) in a framebuffer `fb_h` pixels tall into
// `out` at row `out_row`: GL's rows run bottom-up, PNG rows top-down.
void read_rows(int x, int top, int w, int h, int fb_h, std::vector<unsigned char>& out,
               size_t out_row) {
  std::vector<unsigned char> band(static_cast<size_t>(w) * h * 4);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(x, fb_h - top - h, w, h, GL_RGBA, GL_UNSIGNED_BYTE, band.data());
  const size_t row_bytes = static_cast<size_t>(w) * 4;
  for (int r = 0; r < h; ++r) {
    unsigned char* dst = &out[(out_row + r) * row_bytes];
    std::memcpy(dst, &band[(h - 1 - r) * row_bytes], row_bytes);
    for (size_t i = 3; i < row_bytes; i += 4) dst[i] = 255;
  }
}

}  // namespace

bool Platform::write_png(const std::string& path, PixelRect rect, std::string* error) const {
  const int fw = framebuffer_width(), fh = framebuffer_height();
  if (rect.w <= 0 || rect.h <= 0) rect = {0, 0, fw, fh};
  rect.x = std::clamp(rect.x, 0, fw - 1);
  rect.y = std::clamp(rect.y, 0, fh - 1);
  rect.w = std::clamp(rect.w, 1, fw - rect.x);
  rect.h = std::clamp(rect.h, 1, fh - rect.y);
  std::vector<unsigned char> pixels(static_cast<size_t>(rect.w) * rect.h * 4);
  glReadBuffer(GL_BACK);
  read_rows(rect.x, rect.y, rect.w, rect.h, fh, pixels, 0);
  return write_png_file(path, pixels, rect.w, rect.h, false, error);
}

bool Platform::write_png_offscreen(const std::string& path, ImDrawList* list, int width,
                                   int height, std::string* error) const {
  GLint max_size = 0;
  glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &max_size);
  const int band_h = std::min({height, 4096, static_cast<int>(max_size)});
  if (width <= 0 || height <= 0 || width > max_size || band_h <= 0) {
    *error = "the timeline image is too large for this OpenGL driver";
    return false;
  }
  std::vector<unsigned char> pixels;
  try {
    pixels.resize(static_cast<size_t>(width) * height * 4);
  } catch (const std::bad_alloc&) {
    *error = "not enough memory for a " + std::to_string(width) + "x" + std::to_string(height) +
             " image";
    return false;
  }
  GLint previous_fbo = 0;
  glGetIntegerv(GL_FRAMEBUFFER_BINDING, &previous_fbo);
  GLuint fbo = 0, colour = 0;
  glGenFramebuffers(1, &fbo);
  glGenRenderbuffers(1, &colour);
  glBindRenderbuffer(GL_RENDERBUFFER, colour);
  glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, width, band_h);
  glBindFramebuffer(GL_FRAMEBUFFER, fbo);
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, colour);
  const bool complete = glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
  if (complete) {
    ImDrawList* lists[] = {list};
    ImDrawData data;
    data.Valid = true;
    data.CmdLists = lists;
    data.CmdListsCount = 1;
    data.TotalVtxCount = list->VtxBuffer.Size;
    data.TotalIdxCount = list->IdxBuffer.Size;
    data.FramebufferScale = ImVec2(1, 1);
    glReadBuffer(GL_COLOR_ATTACHMENT0);
    for (int top = 0; top < height; top += band_h) {
      const int h = std::min(band_h, height - top);
      data.DisplayPos = ImVec2(0, static_cast<float>(top));
      data.DisplaySize = ImVec2(static_cast<float>(width), static_cast<float>(band_h));
      glViewport(0, 0, width, band_h);
      glClearColor(0, 0, 0, 1);
      glClear(GL_COLOR_BUFFER_BIT);
      ImGui_ImplOpenGL3_RenderDrawData(&data);
      read_rows(0, 0, width, h, band_h, pixels, static_cast<size_t>(top));
    }
  }
  glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(previous_fbo));
  glDeleteRenderbuffers(1, &colour);
  glDeleteFramebuffers(1, &fbo);
  if (!complete) {
    *error = "cannot render offscreen (framebuffer incomplete)";
    return false;
  }
  return write_png_file(path, pixels, width, height, true, error);
}

}  // namespace looplab::app
