#pragma once
// Light and dark themes: Dear ImGui's style plus engine/export/palette.hpp's colours, so
// the window and an exported SVG agree.

#include <imgui.h>

#include "engine/export/palette.hpp"

namespace looplab::app {

// Resets ImGui's style to the theme and scales its sizes for the font scale.
void apply_style(bool dark, float font_scale);

const exporter::Palette& palette(bool dark);

inline ImU32 im(exporter::Color c) {
  return c.imgui();
}
inline ImVec4 im4(exporter::Color c) {
  return ImVec4(c.r / 255.0f, c.g / 255.0f, c.b / 255.0f, c.a / 255.0f);
}

// Draws the state's icon (shape differs per state, so colour is never the only cue)
// centred in a square of side `size` at `pos`.
void draw_state_icon(ImDrawList* draw, ImVec2 pos, float size, exporter::LaneState state,
                     const exporter::Palette& colors);

}  // namespace looplab::app
