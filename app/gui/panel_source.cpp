// Source: the program with syntax colours and line numbers; the running line
// highlighted; a dot in each task's colour on the line that task is at; the error line
// marked with its message. "Edit" switches to the editor (coloured the same way): every
// change is autosaved and re-runs the program (debounced) keeping the cursor's virtual time.
#include <imgui.h>
#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <string_view>
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

// Screen columns before byte `end` of `text`, counted as ImGui lays out monospace text:
// one per code point, four for a tab.
int columns(std::string_view text, size_t end) {
  int col = 0;
  for (size_t i = 0; i < end && i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\t')
      col += 4;
    else if ((c & 0xC0) != 0x80)
      ++col;
  }
  return col;
}

void draw_line_text(ImDrawList* draw, ImVec2 pos, float char_w, const SourceLine& line,
                    const SyntaxColours& colours) {
  const char* text = line.text.data();
  int at = 0;
  auto put = [&](int b, int e, TokenKind k) {
    if (e <= b) return;
    draw->AddText(ImVec2(pos.x + columns(line.text, b) * char_w, pos.y),
                  colours.of[static_cast<int>(k)], text + b, text + e);
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
  // The line the view keeps on screen: the running line; while nothing runs (the loop
  // waits for a timer), the selected task's line, else the first live task's.
  uint32_t focus_line = 0;
};

LineMarkers markers(const ViewModel& model, int selected_task) {
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
  out.focus_line = out.running_line;
  for (const auto& [line, tasks] : out.tasks_at_line) {
    if (out.focus_line != 0) break;
    for (uint32_t t : tasks)
      if (static_cast<int>(t) == selected_task) out.focus_line = line;
  }
  if (out.focus_line != 0) return out;
  uint32_t first_task = loop::kNone;
  for (const auto& [line, tasks] : out.tasks_at_line)
    if (tasks.front() < first_task) {  // ids grow with creation: front() is the line's oldest
      first_task = tasks.front();
      out.focus_line = line;
    }
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
  const LineMarkers marks = markers(ctx.model, ctx.view.selected_task);
  const auto& error = ctx.model.result().error;
  const int error_line = error ? error->line : 0;
  ImGui::PushFont(ctx.fonts.mono);
  const float line_h = ImGui::GetTextLineHeightWithSpacing();
  const float char_w = ImGui::CalcTextSize("M").x;
  const float dots_w = line_h * 2.6f;
  const float gutter = char_w * 3.5f + dots_w;
  ImGui::BeginChild("##code", ImVec2(0, 0), false, ImGuiWindowFlags_HorizontalScrollbar);
  static size_t last_cursor = static_cast<size_t>(-1);
  if (marks.focus_line > 0 && last_cursor != ctx.model.cursor()) {
    const float y = (marks.focus_line - 1) * line_h;
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
      draw_line_text(draw, ImVec2(row.x + gutter, row.y), char_w, lines[i], colours);
      if (number == error_line) {  // the message right on its line, after the code
        const float x =
            row.x + gutter + (columns(lines[i].text, lines[i].text.size()) + 3) * char_w;
        draw->AddText(ImVec2(x, row.y), im(ctx.colors.of(LaneState::Failed)),
                      ("<- " + error->message).c_str());
      }
    }
  }
  ImGui::Dummy(ImVec2(width, lines.size() * line_h));
  ImGui::EndChild();
  ImGui::PopFont();
}

// The caret's line and column in ImGui's edit buffer (wide characters).
void caret_position(const ImGuiInputTextState& state, int* line, int* column) {
  *line = *column = 0;
  for (int i = 0; i < state.Stb.cursor && i < state.CurLenW; ++i) {
    const ImWchar c = state.TextW[i];
    if (c == '\n') {
      ++*line;
      *column = 0;
    } else {
      *column += c == '\t' ? 4 : 1;
    }
  }
}

// Colours the editor: ImGui's multiline input draws its text transparent, and this draws
// the highlighted lines and the caret over it, in the input's own child window, where
// ImGui placed them (FontSize per line, monospace columns, its horizontal scroll).
void draw_editor_overlay(PanelContext& ctx, ImGuiWindow* input, ImGuiID id) {
  const std::vector<SourceLine>& lines = highlighted(ctx.program.edited_source);
  const SyntaxColours colours = syntax_colours(ctx.view.dark);
  ImGuiInputTextState* state = ImGui::GetInputTextState(id);
  const bool active = state && ImGui::GetActiveID() == id;
  const float line_h = ImGui::GetFontSize();
  const float char_w = ImGui::CalcTextSize("M").x;
  const ImVec2 origin(input->DC.CursorStartPos.x - (active ? state->ScrollX : 0.0f),
                      input->DC.CursorStartPos.y);
  const ImRect clip = input->InnerClipRect;
  ImDrawList* draw = input->DrawList;
  draw->PushClipRect(clip.Min, clip.Max, true);
  const auto& error = ctx.model.result().error;
  const int first = std::max(0, static_cast<int>((clip.Min.y - origin.y) / line_h));
  const int last = std::min(static_cast<int>(lines.size()),
                            static_cast<int>((clip.Max.y - origin.y) / line_h) + 1);
  for (int i = first; i < last; ++i) {
    const ImVec2 row(origin.x, origin.y + i * line_h);
    if (error && error->line == i + 1)
      draw->AddRectFilled(ImVec2(clip.Min.x, row.y), ImVec2(clip.Max.x, row.y + line_h),
                          im(ctx.colors.of(LaneState::Failed).with_alpha(80)));
    draw_line_text(draw, row, char_w, lines[i], colours);
  }
  const ImGuiIO& io = ImGui::GetIO();
  const bool blink_on = !io.ConfigInputTextCursorBlink || state == nullptr ||
                        state->CursorAnim <= 0.0f || std::fmod(state->CursorAnim, 1.2f) <= 0.8f;
  if (active && blink_on) {
    int line = 0, column = 0;
    caret_position(*state, &line, &column);
    const float x = std::floor(origin.x + column * char_w), y = origin.y + line * line_h;
    draw->AddLine(ImVec2(x + 0.5f, y + 0.5f), ImVec2(x + 0.5f, y + line_h - 1.5f),
                  colours.of[static_cast<int>(TokenKind::Plain)], 1.5f);
  }
  draw->PopClipRect();
}

void draw_editor(PanelContext& ctx) {
  static constexpr const char* kLabel = "##editor";
  ImGui::PushFont(ctx.fonts.mono);
  ImGuiWindow* parent = ImGui::GetCurrentWindow();
  const ImGuiID id = parent->GetID(kLabel);
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0, 0, 0, 0));
  if (ImGui::InputTextMultiline(kLabel, &ctx.program.edited_source, ImVec2(-1, -1),
                                ImGuiInputTextFlags_AllowTabInput))
    ctx.commands.source_edited = true;
  ImGui::PopStyleColor();
  // The input's child window carries the name ImGui's BeginChildEx gives it.
  char name[512];
  ImFormatString(name, sizeof name, "%s/%s_%08X", parent->Name, kLabel, id);
  if (ImGuiWindow* input = ImGui::FindWindowByName(name))
    draw_editor_overlay(ctx, input, id);
  ImGui::PopFont();
}

}  // namespace

void DrawSource(PanelContext& ctx) {
  bool& editing = ctx.view.source_editing;
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
