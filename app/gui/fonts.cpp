#include "app/gui/fonts.hpp"

#include <imgui.h>

#include <filesystem>
#include <sstream>
#include <string>

#include "fonts_list.hpp"  // generated from assets/fonts.txt: kFontsList

namespace looplab::app {

namespace {

std::string font_path(const char* role) {
  std::istringstream in(kFontsList);
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string name, path;
    if (fields >> name >> path && name == role) return path;
  }
  return {};
}

// Latin text plus the arrows, dashes and symbols the narration and panels use.
const ImWchar* glyph_ranges() {
  static ImVector<ImWchar> ranges;
  if (ranges.empty()) {
    ImFontGlyphRangesBuilder builder;
    builder.AddRanges(ImGui::GetIO().Fonts->GetGlyphRangesDefault());
    static const ImWchar extra[] = {0x00A0, 0x017F, 0x2010, 0x2027, 0x2190, 0x21FF, 0x2200, 0x22FF,
                                    0x2300, 0x23FF, 0x25A0, 0x25FF, 0x2700, 0x27BF, 0};
    builder.AddRanges(extra);
    builder.BuildRanges(&ranges);
  }
  return ranges.Data;
}

ImFont* load(const char* role, float pixels, bool* fallback) {
  ImFontAtlas* atlas = ImGui::GetIO().Fonts;
  const std::string path = font_path(role);
  std::error_code ec;
  if (!path.empty() && std::filesystem::is_regular_file(path, ec)) {
    ImFontConfig config;
    config.OversampleH = 2;
    config.PixelSnapH = true;
    if (ImFont* font = atlas->AddFontFromFileTTF(path.c_str(), pixels, &config, glyph_ranges()))
      return font;
  }
  *fallback = true;
  ImFontConfig config;
  config.SizePixels = pixels;
  return atlas->AddFontDefault(&config);
}

}  // namespace

Fonts build_fonts(float scale) {
  ImGui::GetIO().Fonts->Clear();
  Fonts fonts;
  const float px = kBaseFontPixels * scale;
  fonts.ui = load("ui", px, &fonts.fallback);
  fonts.bold = load("bold", px, &fonts.fallback);
  fonts.mono = load("mono", px, &fonts.fallback);
  fonts.big = load("bold", px * 1.6f, &fonts.fallback);
  ImGui::GetIO().Fonts->Build();
  ImGui::GetIO().FontDefault = fonts.ui;
  return fonts;
}

}  // namespace looplab::app
