// Narration: the plain-language sentence for the event at the cursor (the same words as
// the text export) and the @note of the line it concerns. Before the first step: the
// scenario's lesson.
#include <imgui.h>

#include <string>

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
  const bool about_task = e->kind == loop::EventKind::StepBegin || e->kind == loop::EventKind::StepEnd ||
                          e->kind == loop::EventKind::Stdout || e->kind == loop::EventKind::TaskDone ||
                          e->kind == loop::EventKind::TaskFailed || s.current_task != loop::kNone;
  if (about_task && task < s.tasks.size()) return static_cast<int>(s.tasks[task].line);
  return 0;
}

}  // namespace

void DrawNarration(PanelContext& ctx) {
  PanelHeading(ctx, "What happens");
  const ViewModel& m = ctx.model;
  const session::ScenarioInfo& info = ctx.program.program.info;
  ImGui::PushTextWrapPos(0);
  if (auto index = m.current_event_index()) {
    ImGui::PushFont(ctx.fonts.bold);
    ImGui::TextUnformatted((exporter::narrate(m.trace(), *index) + ".").c_str());
    ImGui::PopFont();
    const int line = event_line(m);
    if (auto note = info.notes.find(line); line > 0 && note != info.notes.end()) {
      ImGui::Spacing();
      ImGui::TextColored(im4(ctx.colors.flow), "Line %d:", line);
      ImGui::SameLine();
      ImGui::TextUnformatted(note->second.c_str());
    }
  } else {
    if (!info.title.empty()) {
      ImGui::PushFont(ctx.fonts.bold);
      ImGui::TextUnformatted(info.title.c_str());
      ImGui::PopFont();
    }
    if (!info.lesson.empty()) ImGui::TextUnformatted(info.lesson.c_str());
    ImGui::TextDisabled("Press Space to play, or Right to step.");
  }
  ImGui::PopTextWrapPos();
}

}  // namespace looplab::app
