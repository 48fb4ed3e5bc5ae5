// Tasks: one row per task with its state (icon + colour + word), its name, what it
// awaits, its line and its result or exception. Clicking a row selects the task: its timeline lane
// and its source marker are highlighted.
#include <imgui.h>

#include <string>

#include "app/gui/labels.hpp"
#include "app/gui/panels.hpp"
#include "app/gui/theme.hpp"
#include "engine/export/narration.hpp"

namespace looplab::app {

namespace {

void task_row(PanelContext& ctx, uint32_t id, const loop::TaskState& task) {
  const loop::Trace& trace = ctx.model.trace();
  const exporter::LaneState state = lane_state(task.phase);
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  const float h = ImGui::GetTextLineHeight();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 q = ImGui::GetCursorScreenPos();
  draw_state_icon(draw, q, h, state, ctx.colors);
  ImGui::SetCursorScreenPos(ImVec2(q.x + h * 1.25f, q.y));
  ImGui::TextUnformatted(phase_word(task.phase));
  ImGui::TableNextColumn();
  const ImVec2 p = ImGui::GetCursorScreenPos();
  draw->AddRectFilled(p, ImVec2(p.x + h * 0.35f, p.y + h), im(ctx.colors.lane_color(id)));
  ImGui::SetCursorScreenPos(ImVec2(p.x + h * 0.55f, p.y));
  const std::string name =
      exporter::task_label_with_coroutine(trace, id) + "##task" + std::to_string(id);
  if (ImGui::Selectable(name.c_str(), ctx.view.selected_task == static_cast<int>(id),
                        ImGuiSelectableFlags_SpanAllColumns))
    ctx.view.selected_task =
        ctx.view.selected_task == static_cast<int>(id) ? -1 : static_cast<int>(id);
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(awaiting_text(trace, task).c_str());
  ImGui::TableNextColumn();
  if (task.line > 0) ImGui::Text("%u", task.line);
  ImGui::TableNextColumn();
  if (task.outcome != 0) {
    const bool bad = task.phase == loop::TaskPhase::Failed;
    if (bad) ImGui::PushStyleColor(ImGuiCol_Text, im4(ctx.colors.of(exporter::LaneState::Failed)));
    ImGui::TextUnformatted(std::string(trace.str(task.outcome)).c_str());
    if (bad) ImGui::PopStyleColor();
  }
}

}  // namespace

void DrawTasks(PanelContext& ctx) {
  const loop::LoopState& state = ctx.model.state();
  PanelHeading(ctx, "Tasks");
  ImGui::SameLine();
  ImGui::TextDisabled("(%zu)", state.tasks.size());
  if (state.tasks.empty()) {
    ImGui::TextDisabled(ctx.model.empty() ? "No run yet." : "No task has been created yet.");
    return;
  }
  // Columns fit their content and the table scrolls sideways: a clipped task name or
  // awaited object is worse than a scrollbar.
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_ScrollX | ImGuiTableFlags_Resizable |
                                ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingFixedFit;
  if (!ImGui::BeginTable("##tasks", 5, flags)) return;
  // State first, and frozen: a long coroutine name must not push it out of a narrow panel.
  ImGui::TableSetupScrollFreeze(1, 1);
  ImGui::TableSetupColumn("State");
  ImGui::TableSetupColumn("Task");
  ImGui::TableSetupColumn("Awaiting");
  ImGui::TableSetupColumn("Line");
  ImGui::TableSetupColumn("Result");
  ImGui::TableHeadersRow();
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(state.tasks.size()));
  while (clipper.Step())
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i)
      task_row(ctx, static_cast<uint32_t>(i), state.tasks[i]);
  ImGui::EndTable();
}

}  // namespace looplab::app
