// looplab: the classroom GUI. See DESIGN.md's command-line contract:
//   looplab [FILE.py | SCENARIO]
//   looplab --screenshot OUT.png [--scenario NAME|FILE] [--size WxH] [--theme light|dark]
#include <imgui.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include "app/gui/platform.hpp"

namespace {

struct Options {
  std::string screenshot;
  std::string scenario = "restaurant";
  std::string theme = "light";
  int width = 1600;
  int height = 1000;
};

int usage(const char* message) {
  std::fprintf(stderr,
               "looplab: %s\nusage: looplab [FILE.py|SCENARIO] [--screenshot OUT.png] "
               "[--scenario NAME|FILE] [--size WxH] [--theme light|dark]\n",
               message);
  return 2;
}

bool parse_size(const std::string& text, int* w, int* h) {
  return std::sscanf(text.c_str(), "%dx%d", w, h) == 2 && *w >= 320 && *h >= 240 && *w <= 8192 &&
         *h <= 8192;
}

void draw_frame(const Options& options) {
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->WorkPos);
  ImGui::SetNextWindowSize(viewport->WorkSize);
  ImGui::Begin("LoopLab", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoSavedSettings);
  ImGui::TextUnformatted("LoopLab - a classroom simulator for Python's asyncio");
  ImGui::Separator();
  ImGui::Text("Scenario: %s", options.scenario.c_str());
  ImGui::End();
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    auto value = [&]() -> const char* { return i + 1 < argc ? argv[++i] : nullptr; };
    if (arg == "--screenshot" || arg == "--scenario" || arg == "--theme" || arg == "--size") {
      const char* v = value();
      if (!v) return usage(("missing value for " + arg).c_str());
      if (arg == "--screenshot") options.screenshot = v;
      if (arg == "--scenario") options.scenario = v;
      if (arg == "--theme") options.theme = v;
      if (arg == "--size" && !parse_size(v, &options.width, &options.height))
        return usage("--size wants WxH, e.g. 1600x1000");
    } else if (!arg.empty() && arg[0] != '-') {
      options.scenario = arg;
    } else {
      return usage(("unknown option " + arg).c_str());
    }
  }
  if (options.theme != "light" && options.theme != "dark") return usage("--theme is light or dark");

  looplab::app::Platform platform;
  looplab::app::WindowOptions window;
  window.width = options.width;
  window.height = options.height;
  window.visible = options.screenshot.empty();
  std::string error;
  if (!platform.open(window, &error)) {
    std::fprintf(stderr, "looplab: %s\n", error.c_str());
    return 1;
  }
  if (options.theme == "dark") ImGui::StyleColorsDark(); else ImGui::StyleColorsLight();

  // A screenshot renders a few frames first so ImGui's layout settles.
  constexpr int kScreenshotFrames = 4;
  for (int frame = 0; !platform.should_close(); ++frame) {
    platform.begin_frame();
    draw_frame(options);
    if (!options.screenshot.empty() && frame + 1 == kScreenshotFrames) {
      if (!platform.end_frame_to_png(options.screenshot, &error)) {
        std::fprintf(stderr, "looplab: %s\n", error.c_str());
        return 1;
      }
      return 0;
    }
    platform.end_frame();
  }
  return 0;
}
