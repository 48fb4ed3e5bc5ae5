// Source: the program with syntax colours and line numbers; the running line
// highlighted; a dot in each task's colour on the line that task is at; the error line
// marked with its message. "Edit" switches to a plain editor: every change is autosaved
// and re-runs the program (debounced) keeping the cursor's virtual time.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "app/gui/labels.hpp"
#include "app/gui/panels.hpp"
#include "app/gui/python_syntax.hpp"
#include "app/gui/theme.hpp"

namespace looplab::app {

namespace {

using exporter::LaneState;

struct SyntaxColours {
  ImU32 of[8];
};

SyntaxColours syntax_colours(bool dark) {
  if (dark)
    return {{IM_COL32(230, 230, 230, 255), IM_COL32(120, 180, 255, 255),
             IM_COL32(100, 210, 190, 255), IM_COL32(240, 180, 110, 255),
             IM_COL32(190, 160, 255, 255), IM_COL32(150, 150, 150, 255),
             IM_COL32(230, 200, 90, 255), IM_COL32(255, 230, 150, 255)}};
  return {{IM_COL32(30, 30, 30, 255), IM_COL32(0, 70, 170, 255), IM_COL32(0, 120, 110, 255),
           IM_COL32(163, 21, 21, 255), IM_COL32(100, 50, 170, 255), IM_COL32(110, 110, 110, 255),
           IM_COL32(150, 110, 0, 255), IM_COL32(120, 70, 0, 255)}};
}

// Cached highlighting: re-tokenised only when the text changes.
const std::vector<SourceLine>& highlighted(const std::string& source) {
  static std::string cached_text;
  static std::vector<SourceLine> cached_lines;
  if (cached_text != source || cached_lines.empty()) {
    cached_text = source;
    cached_lines = highlight_python(cached_text);
  }
  return cached_lines;
}

void draw_line_text(ImDrawList* draw, ImVec2 pos, const SourceLine& line,
                    const SyntaxColours& colours) {
  const char* text = line.text.data();
  const float char_w = ImGui::CalcTextSize("M").x;
  int at = 0;
  auto put = [&](int b, int e, TokenKind k) {
    if (e <= b) return;
    draw->AddText(ImVec2(pos.x + b * char_w, pos.y), colours.of[static_cast<int>(k)], text + b,
                  text + e);
  };
  for (const Span& s : line.spans) {
    put(at, s.begin, TokenKind::Plain);
    put(s.begin, s.end, s.kind);
    at = s.end;
  }
  put(at, static_cast<int>(line.text.size()), TokenKind::Plain);
}

struct LineMarkers {
  std::map<uint32_t, std::vector<uint32_t>> tasks_at_line;  // line -> task ids
  uint32_t running_line = 0;
};

LineMarkers markers(const ViewModel& model) {
  LineMarkers out;
  if (model.empty()) return out;
  const loop::LoopState& state = model.state();
  for (uint32_t t = 0; t < state.tasks.size(); ++t) {
    const loop::TaskState& task = state.tasks[t];
    if (task.line == 0 || task.phase == loop::TaskPhase::Done ||
        task.phase == loop::TaskPhase::Failed || task.phase == loop::TaskPhase::Cancelled)
      continue;
    out.tasks_at_line[task.line].push_back(t);
  }
  if (state.current_task != loop::kNone && state.current_task < state.tasks.size())
    out.running_line = state.tasks[state.current_task].line;
  return out;
}

void draw_task_dots(PanelContext& ctx, ImDrawList* draw, ImVec2 pos, float size,
                    const std::vector<uint32_t>& tasks) {
  constexpr size_t kMaxDots = 3;
  const float r = size * 0.3f;
  for (size_t i = 0; i < tasks.size() && i < kMaxDots; ++i) {
    const ImVec2 c(pos.x + r + i * r * 2.2f, pos.y + size * 0.5f);
    draw->AddCircleFilled(c, r, im(ctx.colors.lane_color(tasks[i])));
    draw->AddCircle(c, r, im(ctx.colors.outline));
    if (static_cast<int>(tasks[i]) == ctx.view.selected_task)
      draw->AddCircle(c, r + 2.5f, im(ctx.colors.cursor), 0, 2.5f);
  }
  if (tasks.size() > kMaxDots) {
    const std::string more = "+" + std::to_string(tasks.size() - kMaxDots);
    draw->AddText(ImVec2(pos.x + kMaxDots * r * 2.2f, pos.y), im(ctx.colors.text_muted),
                  more.c_str());
  }
}

void draw_code_view(PanelContext& ctx, const std::string& source) {
  const std::vector<SourceLine>& lines = highlighted(source);
  const SyntaxColours colours = syntax_colours(ctx.view.dark);
  const LineMarkers marks = markers(ctx.model);
  const auto& error = ctx.model.result().error;
  const int error_line = error ? error->line : 0;
  ImGui::PushFont(ctx.fonts.mono);
  const float line_h = ImGui::GetTextLineHeightWithSpacing();
  const float char_w = ImGui::CalcTextSize("M").x;
  const float dots_w = line_h * 2.6f;
  const float gutter = char_w * 3.5f + dots_w;
  ImGui::BeginChild("##code", ImVec2(0, 0), false, ImGuiWindowFlags_HorizontalScrollbar);
  static size_t last_cursor = static_cast<size_t>(-1);
  if (marks.running_line > 0 && last_cursor != ctx.model.cursor()) {
    const float y = (marks.running_line - 1) * line_h;
    if (y < ImGui::GetScrollY() || y > ImGui::GetScrollY() + ImGui::GetWindowHeight() - line_h * 2)
      ImGui::SetScrollY(std::max(0.0f, y - ImGui::GetWindowHeight() * 0.35f));
  }
  last_cursor = ctx.model.cursor();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float width = std::max(ImGui::GetContentRegionAvail().x, gutter + char_w * 80);
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(lines.size()), line_h);
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const int number = i + 1;
      const ImVec2 row(origin.x, origin.y + i * line_h);
      if (number == static_cast<int>(marks.running_line))
        draw->AddRectFilled(row, ImVec2(row.x + width, row.y + line_h),
                            im(ctx.colors.of(LaneState::Running).with_alpha(70)));
      if (number == error_line)
        draw->AddRectFilled(row, ImVec2(row.x + width, row.y + line_h),
                            im(ctx.colors.of(LaneState::Failed).with_alpha(80)));
      char num[16];
      std::snprintf(num, sizeof num, "%3d", number);
      draw->AddText(ImVec2(row.x, row.y), im(ctx.colors.text_muted), num);
      if (auto it = marks.tasks_at_line.find(number); it != marks.tasks_at_line.end())
        draw_task_dots(ctx, draw, ImVec2(row.x + char_w * 3.5f, row.y), line_h, it->second);
      draw_line_text(draw, ImVec2(row.x + gutter, row.y), lines[i], colours);
      if (number == error_line) {  // the message right on its line, after the code
        const float x = row.x + gutter + (lines[i].text.size() + 3) * char_w;
        draw->AddText(ImVec2(x, row.y), im(ctx.colors.of(LaneState::Failed)),
                      ("<- " + error->message).c_str());
      }
    }
  }
  ImGui::Dummy(ImVec2(width, lines.size() * line_h));
  ImGui::EndChild();
  ImGui::PopFont();
}

void draw_editor(PanelContext& ctx) {
  ImGui::PushFont(ctx.fonts.mono);
  if (ImGui::InputTextMultiline("##editor", &ctx.program.edited_source, ImVec2(-1, -1),
                                ImGuiInputTextFlags_AllowTabInput))
    ctx.commands.source_edited = true;
  ImGui::PopFont();
}

}  // namespace

void DrawSource(PanelContext& ctx) {
  static bool editing = false;
  PanelHeading(ctx, "Source");
  ImGui::SameLine();
  if (ImGui::SmallButton(editing ? "Done editing" : "Edit")) editing = !editing;
  if (ctx.program.edited_source != ctx.program.program.source) {
    ImGui::SameLine();
    if (ImGui::SmallButton("Revert")) ctx.commands.revert_source = true;
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("Back to the original code (your edits are discarded)");
  }
  if (ctx.program.restored_autosave) ImGui::TextDisabled("Your edited code was restored.");
  if (const auto& error = ctx.model.result().error; error && !error->message.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, im4(ctx.colors.of(LaneState::Failed)));
    if (error->line > 0)
      ImGui::TextWrapped("Line %d: %s", error->line, error->message.c_str());
    else
      ImGui::TextWrapped("%s", error->message.c_str());
    ImGui::PopStyleColor();
  }
  if (editing)
    draw_editor(ctx);
  else
    draw_code_view(ctx, ctx.program.edited_source);
}

}  // namespace looplab::app
