// Narration: the plain-language sentence for the event at the cursor (the same words as
// the text export) and the @note of the line it concerns. Before the first step: the
// scenario's lesson.
#include <imgui.h>

#include <string>
#include <vector>

#include "app/gui/panels.hpp"
#include "app/gui/theme.hpp"
#include "engine/export/narration.hpp"

namespace looplab::app {

namespace {

// The line the event at the cursor is about: its task's line, if it concerns a task.
int event_line(const ViewModel& model) {
  const loop::Event* e = model.current_event();
  if (!e) return 0;
  if (e->kind == loop::EventKind::Line) return static_cast<int>(e->a);
  const loop::LoopState& s = model.state();
  const uint32_t task = s.current_task != loop::kNone ? s.current_task : e->subject;
  const bool about_task =
      e->kind == loop::EventKind::StepBegin || e->kind == loop::EventKind::StepEnd ||
      e->kind == loop::EventKind::Stdout || e->kind == loop::EventKind::TaskDone ||
      e->kind == loop::EventKind::TaskFailed || s.current_task != loop::kNone;
  if (about_task && task < s.tasks.size()) return static_cast<int>(s.tasks[task].line);
  return 0;
}

std::vector<std::string> paragraphs(const std::string& text) {
  std::vector<std::string> out(1);
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const std::string line = text.substr(start, end - start);
    if (line.empty()) {
      if (!out.back().empty()) out.emplace_back();
    } else {
      out.back() += (out.back().empty() ? "" : " ") + line;
    }
    start = end + 1;
  }
  if (out.back().empty()) out.pop_back();
  return out;
}

}  // namespace

void DrawNarration(PanelContext& ctx) {
  PanelHeading(ctx, "What happens");
  const ViewModel& m = ctx.model;
  const session::ScenarioInfo& info = ctx.program.program.info;
  if (auto index = m.current_event_index()) {
    ImGui::PushFont(ctx.fonts.bold);
    WrappedText(exporter::narrate(m.trace(), *index) + ".", im(ctx.colors.text));
    ImGui::PopFont();
    const int line = event_line(m);
    if (auto note = info.notes.find(line); line > 0 && note != info.notes.end()) {
      ImGui::Spacing();
      WrappedText("Line " + std::to_string(line) + ": " + note->second, im(ctx.colors.flow));
    }
    return;
  }
  // Before the first step: the lesson, its paragraphs re-flowed to the panel's width.
  ImGui::PushTextWrapPos(0);
  if (!info.title.empty()) {
    ImGui::PushFont(ctx.fonts.bold);
    ImGui::TextUnformatted(info.title.c_str());
    ImGui::PopFont();
  }
  ImGui::TextDisabled("Press Space to play, or Right to step.");
  ImGui::PopTextWrapPos();
  for (const std::string& paragraph : paragraphs(info.lesson)) {
    ImGui::Spacing();
    WrappedText(paragraph, im(ctx.colors.text));
  }
}

}  // namespace looplab::app
