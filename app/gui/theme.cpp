#include "app/gui/theme.hpp"

#include <array>

namespace looplab::app {

using exporter::LaneState;

const exporter::Palette& palette(bool dark) {
  return exporter::palette(dark ? exporter::Theme::Dark : exporter::Theme::Light);
}

void apply_style(bool dark, float font_scale) {
  ImGuiStyle style;
  if (dark)
    ImGui::StyleColorsDark(&style);
  else
    ImGui::StyleColorsLight(&style);
  const exporter::Palette& p = palette(dark);
  style.WindowPadding = ImVec2(8, 6);
  style.FramePadding = ImVec2(7, 4);
  style.ItemSpacing = ImVec2(8, 5);
  style.WindowRounding = 0;
  style.ChildRounding = 3;
  style.FrameRounding = 3;
  style.GrabRounding = 3;
  style.WindowBorderSize = 0;
  style.ChildBorderSize = 1;
  style.ScrollbarSize = 16;
  // glClear paints the background once; windows and panels on top stay transparent,
  // because every full-panel fill costs a pass over its pixels in software GL (llvmpipe).
  style.Colors[ImGuiCol_WindowBg] = im4(p.background);
  style.Colors[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
  style.Colors[ImGuiCol_Text] = im4(p.text);
  style.Colors[ImGuiCol_TextDisabled] = im4(p.text_muted);
  style.Colors[ImGuiCol_Border] = im4(p.grid);
  style.Colors[ImGuiCol_MenuBarBg] = im4(p.panel);
  style.FrameBorderSize = 1;
  // Inputs and sliders need a fill that differs from the panel, or they vanish on a
  // washed-out projector.
  const exporter::Color frame = dark ? exporter::rgb(0x3A3A3E) : exporter::rgb(0xE6E6E6);
  style.Colors[ImGuiCol_FrameBg] = im4(frame);
  style.Colors[ImGuiCol_FrameBgHovered] =
      im4(dark ? exporter::rgb(0x46464B) : exporter::rgb(0xDADADA));
  style.Colors[ImGuiCol_FrameBgActive] =
      im4(dark ? exporter::rgb(0x505056) : exporter::rgb(0xCFCFCF));
  style.Colors[ImGuiCol_TableHeaderBg] =
      im4(dark ? exporter::rgb(0x333337) : exporter::rgb(0xE3E3E3));
  style.Colors[ImGuiCol_TableRowBgAlt] = im4(p.panel);
  style.ScaleAllSizes(font_scale);
  ImGui::GetStyle() = style;
}

void draw_state_icon(ImDrawList* draw, ImVec2 pos, float size, LaneState state,
                     const exporter::Palette& colors) {
  const ImU32 fill = im(colors.of(state));
  const ImU32 line = im(colors.outline);
  const float r = size * 0.42f;
  const ImVec2 c(pos.x + size * 0.5f, pos.y + size * 0.5f);
  const float t = size * 0.12f;
  switch (state) {
    case LaneState::Ready:  // a hollow play triangle: about to run
      draw->AddTriangleFilled(ImVec2(c.x - r * 0.7f, c.y - r), ImVec2(c.x - r * 0.7f, c.y + r),
                              ImVec2(c.x + r, c.y), fill);
      draw->AddTriangle(ImVec2(c.x - r * 0.7f, c.y - r), ImVec2(c.x - r * 0.7f, c.y + r),
                        ImVec2(c.x + r, c.y), line);
      break;
    case LaneState::Running:  // a filled disc
      draw->AddCircleFilled(c, r, fill);
      draw->AddCircle(c, r, line);
      break;
    case LaneState::Waiting:  // an hourglass
      draw->AddTriangleFilled(ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y - r), c, fill);
      draw->AddTriangleFilled(ImVec2(c.x - r, c.y + r), ImVec2(c.x + r, c.y + r), c, fill);
      draw->AddTriangle(ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y - r), c, line);
      draw->AddTriangle(ImVec2(c.x - r, c.y + r), ImVec2(c.x + r, c.y + r), c, line);
      break;
    case LaneState::Done:  // a tick
      draw->AddCircleFilled(c, r, fill);
      draw->AddPolyline(std::array<ImVec2, 3>{ImVec2(c.x - r * 0.5f, c.y),
                                              ImVec2(c.x - r * 0.1f, c.y + r * 0.45f),
                                              ImVec2(c.x + r * 0.55f, c.y - r * 0.45f)}
                            .data(),
                        3, im(colors.text_on(state)), 0, t);
      break;
    case LaneState::Failed:  // a cross
    case LaneState::Cancelled: {
      draw->AddRectFilled(ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y + r), fill, r * 0.3f);
      const float k = r * 0.55f;
      const ImU32 ink = im(colors.text_on(state));
      draw->AddLine(ImVec2(c.x - k, c.y - k), ImVec2(c.x + k, c.y + k), ink, t);
      if (state == LaneState::Failed)
        draw->AddLine(ImVec2(c.x - k, c.y + k), ImVec2(c.x + k, c.y - k), ink, t);
      break;
    }
    case LaneState::Blocked:  // a bar: stop
      draw->AddRectFilled(ImVec2(c.x - r, c.y - r * 0.45f), ImVec2(c.x + r, c.y + r * 0.45f), fill);
      draw->AddRect(ImVec2(c.x - r, c.y - r * 0.45f), ImVec2(c.x + r, c.y + r * 0.45f), line);
      break;
  }
}

}  // namespace looplab::app
