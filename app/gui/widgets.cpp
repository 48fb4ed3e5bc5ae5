// Small widgets every panel uses.
#include <imgui.h>

#include <string_view>

#include "app/gui/panels.hpp"

namespace looplab::app {

void PanelHeading(const PanelContext& ctx, const char* title) {
  ImGui::PushFont(ctx.fonts.bold);
  ImGui::TextUnformatted(title);
  ImGui::PopFont();
}

void WrappedText(std::string_view text, ImU32 colour) {
  // ImGui's own wrapping also breaks after '.', which splits "t=1.750" in two; a
  // sentence full of times reads better wrapped at spaces only.
  const float right = ImGui::GetContentRegionAvail().x;
  const float space = ImGui::CalcTextSize(" ").x;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float line_h = ImGui::GetTextLineHeight();
  float x = 0, y = 0;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find(' ', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view word = text.substr(start, end - start);
    const float w = ImGui::CalcTextSize(word.data(), word.data() + word.size()).x;
    if (x > 0 && x + w > right) {
      x = 0;
      y += line_h;
    }
    draw->AddText(ImVec2(origin.x + x, origin.y + y), colour, word.data(),
                  word.data() + word.size());
    x += w + space;
    start = end + 1;
  }
  ImGui::Dummy(ImVec2(right, y + line_h));
}

void SameLineOrWrap(float next_width, float spacing) {
  ImGui::SameLine(0, spacing);
  if (ImGui::GetContentRegionAvail().x < next_width) ImGui::NewLine();
}

}  // namespace looplab::app
