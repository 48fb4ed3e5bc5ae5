// Warnings: what a teacher wants pointed out (a blocked loop and the tasks it starved, a
// coroutine never awaited, an exception never retrieved, a task pending at close, a
// deadlock), each a button that jumps to its moment.
#include <imgui.h>

#include <string>

#include "app/gui/labels.hpp"
#include "app/gui/panels.hpp"
#include "app/gui/theme.hpp"

namespace looplab::app {

void clear_highlight(ViewData& view) {
  view.highlighted_lanes.clear();
  view.highlighted_warning = -1;
  view.scroll_to_highlight = false;
}

void mark_warning(ViewData& view, const ViewModel& model, size_t index) {
  view.highlighted_lanes = warning_lanes(model.warnings()[index], model.timeline());
  view.highlighted_warning = static_cast<int>(index);
  view.scroll_to_highlight = true;
}

void DrawWarnings(PanelContext& ctx) {
  const std::vector<Warning>& warnings = ctx.model.warnings();
  PanelHeading(ctx, "Warnings");
  ImGui::SameLine();
  ImGui::TextDisabled("(%zu)", warnings.size());
  if (!ctx.view.highlighted_lanes.empty()) {
    ImGui::SameLine();
    if (ImGui::SmallButton("clear marks")) clear_highlight(ctx.view);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Unmark the lanes in the timeline");
  }
  if (warnings.empty()) {
    ImGui::TextDisabled(ctx.model.empty() ? "No run yet." : "Nothing to point out in this run.");
    return;
  }
  const ImU32 bad = im(ctx.colors.of(exporter::LaneState::Failed));
  ImGui::BeginChild("##warning_list");
  for (size_t i = 0; i < warnings.size(); ++i) {
    const Warning& w = warnings[i];
    ImGui::PushID(static_cast<int>(i));
    const bool here = ctx.model.cursor() == w.event + 1;
    const bool marked = ctx.view.highlighted_warning == static_cast<int>(i);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float h = ImGui::GetTextLineHeight();
    ImGui::GetWindowDrawList()->AddRectFilled(
        ImVec2(p.x, p.y + 2), ImVec2(p.x + h * (marked ? 0.45f : 0.3f), p.y + h * 2 + 4), bad);
    ImGui::SetCursorScreenPos(ImVec2(p.x + h * 0.6f, p.y));
    ImGui::BeginGroup();
    ImGui::PushStyleColor(ImGuiCol_Text, im4(ctx.colors.of(exporter::LaneState::Failed)));
    ImGui::PushFont(ctx.fonts.bold);
    ImGui::TextUnformatted(to_string(w.kind));
    ImGui::PopFont();
    ImGui::PopStyleColor();
    ImGui::SameLine();
    const std::string go = "go to t=" + format_time(ctx.model.trace()[w.event].time);
    if (ImGui::SmallButton(here && marked ? "(here)" : go.c_str())) {
      ctx.commands.seek = w.event + 1;
      mark_warning(ctx.view, ctx.model, i);
    }
    if (ImGui::IsItemHovered() && !w.tasks.empty())
      ImGui::SetTooltip("Go to this moment and mark the lanes of the tasks concerned");
    WrappedText(w.title, im(ctx.colors.text));
    if (!w.detail.empty()) WrappedText(w.detail, im(ctx.colors.text_muted));
    ImGui::EndGroup();
    ImGui::Spacing();
    ImGui::PopID();
  }
  ImGui::EndChild();
}

}  // namespace looplab::app
