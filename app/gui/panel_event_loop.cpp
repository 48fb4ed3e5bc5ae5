// Event loop: the ready queue as boxes in the order they will run, the timer heap sorted
// by due time with what each wakes, the virtual workers, and one sentence for what the
// loop does next. A loop blocked by a synchronous call says so in red.
#include <imgui.h>

#include <string>

#include "app/gui/labels.hpp"
#include "app/gui/panels.hpp"
#include "app/gui/theme.hpp"
#include "engine/export/narration.hpp"

namespace looplab::app {

namespace {

using exporter::LaneState;

constexpr size_t kMaxBoxes = 40;
constexpr size_t kMaxTimerRows = 200;

// The time a blocking call on the loop returns, from the last LoopBlockedFrom event.
double blocked_until(const ViewModel& model) {
  const auto& events = model.trace().events;
  for (size_t i = model.cursor(); i-- > 0;)
    if (events[i].kind == loop::EventKind::LoopBlockedFrom)
      return loop::unpack_double(events[i].a, events[i].b);
  return model.cursor_time();
}

std::string next_sentence(const ViewModel& model, const loop::LoopState& s) {
  const loop::Trace& trace = model.trace();
  if (model.empty()) return "Nothing has run yet.";
  if (s.loop_blocked)
    return "The loop is stuck in a synchronous call until t=" + format_time(blocked_until(model)) +
           ": no other task can run.";
  if (s.current_task != loop::kNone)
    return exporter::task_label(trace, s.current_task) +
           " is running; the loop waits until it reaches an await.";
  if (!s.ready.empty()) {
    std::string out = "Next it runs " + loop::describe(trace, s.ready.front());
    if (s.ready.size() > 1)
      out += ", then " + std::to_string(s.ready.size() - 1) + " more from the ready queue";
    return out + ".";
  }
  if (!s.timers.empty()) {
    const loop::TimerEntry& t = *s.timers.begin();
    std::string who = t.task != loop::kNone ? exporter::task_label(trace, t.task)
                                            : std::string(trace.str(t.description));
    return "Nothing is ready: the clock jumps to t=" + format_time(t.when) +
           ", when the timer for " + who + " is due.";
  }
  for (uint32_t w = 0; w < s.workers.size(); ++w)
    if (s.workers[w].phase == loop::WorkerPhase::Sleeping)
      return "Nothing is ready: the loop waits for " + exporter::worker_label(trace, w) + ".";
  if (model.cursor() == model.size()) return "The run is over.";
  return "Nothing is scheduled.";
}

void ready_boxes(PanelContext& ctx, const loop::LoopState& s) {
  const loop::Trace& trace = ctx.model.trace();
  ImGui::Text("Ready queue (%zu)", s.ready.size());
  if (s.ready.empty()) {
    ImGui::SameLine();
    ImGui::TextDisabled("empty");
    return;
  }
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  const float pad = ImGui::GetFontSize() * 0.35f;
  const float h = ImGui::GetTextLineHeight() + pad * 2;
  ImVec2 p = ImGui::GetCursorScreenPos();
  const float left = p.x;
  size_t shown = 0;
  for (const loop::ReadyEntry& entry : s.ready) {
    if (shown++ == kMaxBoxes) break;
    const std::string label = loop::describe(trace, entry);
    const float w = ImGui::CalcTextSize(label.c_str()).x + pad * 2;
    if (p.x + w > right && p.x > left) p = ImVec2(left, p.y + h + pad);
    const ImU32 fill = entry.task != loop::kNone
                           ? im(ctx.colors.lane_color(entry.task).with_alpha(60))
                           : im(ctx.colors.panel);
    draw->AddRectFilled(p, ImVec2(p.x + w, p.y + h), fill, pad);
    draw->AddRect(p, ImVec2(p.x + w, p.y + h), im(ctx.colors.outline), pad, 0,
                  entry.task == static_cast<uint32_t>(ctx.view.selected_task) ? 3.0f : 1.0f);
    const ImU32 ink = entry.cancelled ? im(ctx.colors.text_muted) : im(ctx.colors.text);
    draw->AddText(ImVec2(p.x + pad, p.y + pad), ink, label.c_str());
    if (entry.cancelled)
      draw->AddLine(ImVec2(p.x + pad, p.y + h * 0.5f), ImVec2(p.x + w - pad, p.y + h * 0.5f), ink,
                    1.5f);
    p.x += w + pad;
  }
  if (s.ready.size() > kMaxBoxes) {
    const std::string more = "+" + std::to_string(s.ready.size() - kMaxBoxes) + " more";
    draw->AddText(ImVec2(p.x, p.y + pad), im(ctx.colors.text_muted), more.c_str());
  }
  ImGui::SetCursorScreenPos(ImVec2(left, p.y + h + pad));
  ImGui::Dummy(ImVec2(1, 1));
}

void timer_list(PanelContext& ctx, const loop::LoopState& s) {
  const loop::Trace& trace = ctx.model.trace();
  ImGui::Text("Timers (%zu)", s.timers.size());
  if (s.timers.empty()) {
    ImGui::SameLine();
    ImGui::TextDisabled("none");
    return;
  }
  const ImGuiTableFlags flags =
      ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_BordersInnerV;
  if (!ImGui::BeginTable("##timers", 3, flags)) return;
  const float em = ImGui::GetFontSize();
  ImGui::TableSetupColumn("due at t=", ImGuiTableColumnFlags_WidthFixed, em * 5);
  ImGui::TableSetupColumn("in", ImGuiTableColumnFlags_WidthFixed, em * 4.5f);
  ImGui::TableSetupColumn("wakes", ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableHeadersRow();
  size_t rows = 0;
  for (const loop::TimerEntry& t : s.timers) {
    if (rows++ == kMaxTimerRows) break;
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(format_time(t.when).c_str());
    ImGui::TableNextColumn();
    ImGui::TextDisabled("%s s", format_time(t.when - s.time).c_str());
    ImGui::TableNextColumn();
    if (t.task != loop::kNone)
      ImGui::TextUnformatted(exporter::task_label(trace, t.task).c_str());
    else
      ImGui::TextUnformatted(std::string(trace.str(t.description)).c_str());
  }
  ImGui::EndTable();
  if (s.timers.size() > kMaxTimerRows)
    ImGui::TextDisabled("... %zu more", s.timers.size() - kMaxTimerRows);
}

void worker_list(PanelContext& ctx, const loop::LoopState& s) {
  if (s.workers.empty()) return;
  ImGui::Text("Workers (%zu)", s.workers.size());
  for (uint32_t w = 0; w < s.workers.size(); ++w) {
    const loop::WorkerState& ws = s.workers[w];
    const std::string name = exporter::worker_label(ctx.model.trace(), w);
    const char* what = ws.phase == loop::WorkerPhase::Running    ? "running"
                       : ws.phase == loop::WorkerPhase::Sleeping ? "sleeping until t="
                                                                 : "finished";
    ImGui::BulletText("%s: %s%s", name.c_str(), what,
                      ws.phase == loop::WorkerPhase::Sleeping ? format_time(ws.wake).c_str() : "");
  }
}

}  // namespace

void DrawEventLoop(PanelContext& ctx) {
  const loop::LoopState& s = ctx.model.state();
  PanelHeading(ctx, "Event loop");
  ImGui::SameLine();
  ImGui::TextDisabled("iteration %u", s.iteration);
  if (s.loop_blocked) {
    static const char* kBlocked = "Loop blocked by a synchronous call";
    ImGui::PushFont(ctx.fonts.bold);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float w = ImGui::GetContentRegionAvail().x;
    const float pad = ImGui::GetFontSize() * 0.3f;
    const ImVec2 text = ImGui::CalcTextSize(kBlocked, nullptr, false, w - pad * 2);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(p, ImVec2(p.x + w, p.y + text.y + pad * 2),
                        im(ctx.colors.of(LaneState::Failed)), 4);
    draw->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(p.x + pad, p.y + pad),
                  IM_COL32_WHITE, kBlocked, nullptr, w - pad * 2);
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(w, text.y + pad * 2));
  }
  WrappedText(next_sentence(ctx.model, s), im(ctx.colors.text));
  ImGui::Separator();
  ready_boxes(ctx, s);
  ImGui::Spacing();
  timer_list(ctx, s);
  ImGui::Spacing();
  worker_list(ctx, s);
}

}  // namespace looplab::app
