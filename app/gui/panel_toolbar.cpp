// The toolbar: what to run (scenario picker, open a file), how to move through it
// (reset, back, play, step, end, granularity, speed) and where we are (virtual time and
// step, large enough to read from the back of the room).
#include <imgui.h>
#include <imgui_stdlib.h>

#include <cmath>
#include <map>
#include <string>

#include "app/gui/labels.hpp"
#include "app/gui/panels.hpp"
#include "app/gui/theme.hpp"

namespace looplab::app {

namespace {

struct ScenarioEntry {
  std::string name;
  std::string title;
};

// Built-in scenarios grouped by lesson, parsed once (the list never changes at run time).
const std::map<std::string, std::vector<ScenarioEntry>>& scenario_groups() {
  static const auto groups = [] {
    std::map<std::string, std::vector<ScenarioEntry>> out;
    for (const session::Program& p : session::builtin_programs()) {
      const std::string group = p.info.lesson_group.empty() ? "Other" : p.info.lesson_group;
      out[group].push_back({p.name, p.info.title.empty() ? p.name : p.info.title});
    }
    return out;
  }();
  return groups;
}

void scenario_picker(PanelContext& ctx) {
  // The title up to its colon ("The restaurant"), so the picker stays narrow.
  const std::string& title = ctx.program.program.info.title;
  const std::string preview =
      title.empty() ? ctx.program.program.name : title.substr(0, title.find(':'));
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
  if (!ImGui::BeginCombo("##scenario", preview.c_str(), ImGuiComboFlags_HeightLarge)) return;
  for (const auto& [group, entries] : scenario_groups()) {
    ImGui::PushFont(ctx.fonts.bold);
    ImGui::TextDisabled("%s", group.c_str());
    ImGui::PopFont();
    for (const ScenarioEntry& e : entries) {
      const std::string label = "   " + e.title + "##" + e.name;
      if (ImGui::Selectable(label.c_str(), e.name == ctx.program.program.name))
        ctx.commands.open_program = e.name;
    }
  }
  ImGui::EndCombo();
}

void open_file_popup(PanelContext& ctx) {
  static std::string path;
  if (ImGui::Button("Open .py...")) ImGui::OpenPopup("open_file");
  if (!ImGui::BeginPopup("open_file")) return;
  ImGui::TextUnformatted("Open a Python file (or drop one onto the window)");
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 24);
  const bool enter = ImGui::InputTextWithHint("##path", "/path/to/lesson.py", &path,
                                              ImGuiInputTextFlags_EnterReturnsTrue);
  ImGui::SameLine();
  if ((ImGui::Button("Open") || enter) && !path.empty()) {
    ctx.commands.open_program = path;
    ImGui::CloseCurrentPopup();
  }
  if (!ctx.view.recent_files.empty()) {
    ImGui::Separator();
    ImGui::TextDisabled("Recent files");
    for (const std::string& recent : ctx.view.recent_files)
      if (ImGui::Selectable(recent.c_str())) {
        ctx.commands.open_program = recent;
        ImGui::CloseCurrentPopup();
      }
  }
  ImGui::EndPopup();
}

void transport(PanelContext& ctx) {
  const ViewModel& m = ctx.model;
  ImGui::BeginDisabled(m.empty());
  if (ImGui::Button("|< Reset")) ctx.commands.reset = true;
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Back to the start (Home)");
  ImGui::SameLine();
  if (ImGui::Button("< Back")) ctx.commands.step_back = true;
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("One step back (Left)");
  ImGui::SameLine();
  const exporter::Palette& p = ctx.colors;
  ImGui::PushStyleColor(ImGuiCol_Button, im4(p.of(exporter::LaneState::Running)));
  ImGui::PushStyleColor(ImGuiCol_Text, im4(p.text_on(exporter::LaneState::Running)));
  if (ImGui::Button(m.playing() ? "  Pause  " : "  Play  ")) ctx.commands.toggle_play = true;
  ImGui::PopStyleColor(2);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Play / pause (Space)");
  ImGui::SameLine();
  if (ImGui::Button("Step >")) ctx.commands.step_forward = true;
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("One step forward (Right)");
  ImGui::SameLine();
  if (ImGui::Button("End >|")) ctx.commands.run_to_end = true;
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Run to the end (End)");
  ImGui::EndDisabled();
}

void granularity_and_speed(PanelContext& ctx) {
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
  int g = static_cast<int>(ctx.view.granularity);
  const char* names[kGranularityCount];
  for (int i = 0; i < kGranularityCount; ++i) names[i] = to_string(static_cast<Granularity>(i));
  if (ImGui::Combo("##granularity", &g, names, kGranularityCount))
    ctx.view.granularity = static_cast<Granularity>(g);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("How far Step and Back move");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
  ImGui::SliderFloat("##speed", &ctx.view.speed, 0.1f, 100.0f, "speed %.1fx",
                     ImGuiSliderFlags_Logarithmic);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Virtual seconds per real second while playing");
}

// Right-aligned on the toolbar's row when it fits, else right-aligned on a row of its own.
void clock_display(PanelContext& ctx) {
  const ViewModel& m = ctx.model;
  char time_text[48], step_text[64];
  std::snprintf(time_text, sizeof time_text, "t = %s s", format_time(m.display_time()).c_str());
  std::snprintf(step_text, sizeof step_text, "step %zu / %zu", m.cursor(), m.size());
  ImGui::PushFont(ctx.fonts.big);
  const float w_time = ImGui::CalcTextSize(time_text).x;
  ImGui::PopFont();
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const float width = w_time + ImGui::CalcTextSize(step_text).x + spacing * 2;
  ImGui::SameLine();
  if (ImGui::GetContentRegionAvail().x >= width + spacing * 2) {
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - width);
  } else {
    ImGui::NewLine();
    ImGui::SetCursorPosX(ImGui::GetWindowContentRegionMax().x - width);
  }
  ImGui::PushFont(ctx.fonts.big);
  ImGui::TextUnformatted(time_text);
  ImGui::PopFont();
  ImGui::SameLine();
  const float baseline_shift = ctx.fonts.big->FontSize - ImGui::GetFontSize();
  ImGui::SetCursorPosY(ImGui::GetCursorPosY() + baseline_shift * 0.6f);
  ImGui::TextDisabled("%s", step_text);
}

}  // namespace

// Each group of controls moves to a new row when the window (or a 3x font) is too narrow
// for it; nothing overlaps and nothing is cut.
void DrawToolbar(PanelContext& ctx) {
  const float em = ImGui::GetFontSize();
  const float pad = ImGui::GetStyle().FramePadding.x * 2 + ImGui::GetStyle().ItemSpacing.x;
  scenario_picker(ctx);
  SameLineOrWrap(ImGui::CalcTextSize("Open .py...").x + pad);
  open_file_popup(ctx);
  SameLineOrWrap(ImGui::CalcTextSize("|< Reset< BackPauseStep >End >|").x + pad * 5 + em * 2,
                 em * 1.5f);
  transport(ctx);
  SameLineOrWrap(em * 18 + pad * 2, em * 1.5f);
  granularity_and_speed(ctx);
  if (ctx.program.running) {
    ImGui::SameLine();
    ImGui::TextColored(im4(ctx.colors.of(exporter::LaneState::Ready)), "running...");
  }
  clock_display(ctx);
  ImGui::Separator();
}

}  // namespace looplab::app
