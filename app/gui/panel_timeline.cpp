// [SECTION] index
//   frame context: the frame's constants (Tracy's TimelineContext)
//   axis: visible range, ruler ticks, zoom and pan
//   collect: cull lanes and segments to the view, fold what is under a pixel
//   draw: issue the draw calls from the collected records
//   interaction: hover tooltip, click to seek/select, drag to pan or scrub
//
// Never issue ImGui calls while walking the trace: each frame collects plain records for
// what is visible (bounded by the window's size, not the trace's), then draws them.
#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "app/gui/labels.hpp"
#include "app/gui/panels.hpp"
#include "app/gui/theme.hpp"
#include "engine/export/narration.hpp"

namespace looplab::app {

namespace {

using exporter::LaneState;

// [SECTION] frame context -------------------------------------------------------------

struct TimelineContext {
  const exporter::TimelineModel* model = nullptr;
  bool steps = false;     // x is the step (event index) instead of virtual time
  double u0 = 0, u1 = 1;  // visible range in axis units
  float x0 = 0, x1 = 0;   // lanes area in screen x
  float lane_h = 0;
  float label_w = 0;
  bool text = true;  // rows tall enough for segment labels (an export's thin rows are not)
  double px_per_unit = 1;
  float x(double u) const { return static_cast<float>(x0 + (u - u0) * px_per_unit); }
  double unit_at(float px) const { return u0 + (px - x0) / px_per_unit; }
};

struct DrawRect {
  float x0, x1, y0, y1;
  LaneState state;
  uint32_t lane, first, count;
};

struct DrawLabel {
  float x, y, clip;
  uint32_t lane, segment;
};

struct DrawFlow {
  ImVec2 from, to;
};

struct Records {
  std::vector<DrawRect> rects;
  std::vector<DrawLabel> labels;
  std::vector<DrawFlow> flows;
  std::vector<ImVec2> prints;
  std::vector<uint32_t> prints_lane;
};

// [SECTION] axis ------------------------------------------------------------------------

double axis_end(const ViewModel& m, bool steps) {
  return steps ? static_cast<double>(std::max<size_t>(m.size(), 1)) : std::max(m.end_time(), 1e-3);
}

void visible_range(const ViewModel& m, ViewData& v, double* u0, double* u1) {
  double& a = v.steps_axis ? v.view_s0 : v.view_t0;
  double& b = v.steps_axis ? v.view_s1 : v.view_t1;
  if (b <= a) {
    const double end = axis_end(m, v.steps_axis);
    a = -end * 0.01;
    b = end * 1.02;
  }
  *u0 = a;
  *u1 = b;
}

void set_range(ViewData& v, double u0, double u1) {
  const double min_span = v.steps_axis ? 5.0 : 1e-6;
  if (u1 - u0 < min_span) {
    const double c = (u0 + u1) / 2;
    u0 = c - min_span / 2;
    u1 = c + min_span / 2;
  }
  (v.steps_axis ? v.view_s0 : v.view_t0) = u0;
  (v.steps_axis ? v.view_s1 : v.view_t1) = u1;
}

double nice_step(double raw) {
  const double p = std::pow(10.0, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 5.0, 10.0})
    if (raw <= m * p) return m * p;
  return 10 * p;
}

void draw_ruler(const TimelineContext& tc, ImDrawList* draw, ImVec2 p, float h,
                const exporter::Palette& c) {
  draw->AddRectFilled(ImVec2(p.x, p.y), ImVec2(tc.x1, p.y + h), im(c.panel));
  const double step = nice_step(ImGui::GetFontSize() * 6 / tc.px_per_unit);
  const double minimum = tc.steps ? 1.0 : 0.0;
  const double first = std::ceil(tc.u0 / step) * step;
  for (double u = std::max(first, 0.0); u <= tc.u1; u += std::max(step, minimum)) {
    const float x = tc.x(u);
    if (x < tc.x0) continue;
    if (std::abs(u) < step * 1e-6) u = 0;  // no "-0 s"
    draw->AddLine(ImVec2(x, p.y + h * 0.55f), ImVec2(x, p.y + h), im(c.grid), 1.0f);
    char text[32];
    if (tc.steps)
      std::snprintf(text, sizeof text, "step %.0f", u);
    else if (step >= 1)
      std::snprintf(text, sizeof text, "%.0f s", u);
    else
      std::snprintf(text, sizeof text, "%.*f s",
                    std::clamp(static_cast<int>(-std::floor(std::log10(step))), 1, 6), u);
    if (x + 3 + ImGui::CalcTextSize(text).x <= tc.x1)  // never a clipped "3" for "30 s"
      draw->AddText(ImVec2(x + 3, p.y + 1), im(c.text_muted), text);
  }
  draw->AddText(ImVec2(p.x + 4, p.y + 1), im(c.text_muted), tc.steps ? "steps" : "virtual time");
}

void zoom_around(ViewData& v, const TimelineContext& tc, float mouse_x, float factor) {
  const double at = tc.unit_at(mouse_x);
  set_range(v, at - (at - tc.u0) * factor, at + (tc.u1 - at) * factor);
}

// [SECTION] collect ---------------------------------------------------------------------

float lane_y(size_t lane, float top, float lane_h) {
  return top + lane * lane_h;
}

void collect_lane(const TimelineContext& tc, size_t lane, float y, Records& out) {
  const exporter::Lane& l = tc.model->lanes[lane];
  const auto segments = tc.model->visible(lane, tc.u0, tc.u1);
  if (segments.empty()) return;
  const uint32_t offset = static_cast<uint32_t>(segments.data() - l.segments.data());
  const exporter::TimeScale scale{tc.u0, tc.px_per_unit, tc.x0};
  const float pad = tc.lane_h * 0.12f;
  const float font = ImGui::GetFontSize();
  exporter::fold_segments(segments, scale, 3.0, [&](const exporter::FoldedRect& r) {
    const float x0 = std::max(static_cast<float>(r.x0), tc.x0 - 2);
    const float x1 = std::min(static_cast<float>(r.x1), tc.x1 + 2);
    const bool thin =
        r.state == LaneState::Waiting || r.state == LaneState::Ready || r.state == LaneState::Done;
    const float inset = thin ? tc.lane_h * 0.25f : pad;
    out.rects.push_back({x0, x1, y + inset, y + tc.lane_h - inset, r.state,
                         static_cast<uint32_t>(lane), r.first + offset, r.count});
    if (tc.text && r.count == 1 && x1 - x0 > font * 4)
      out.labels.push_back({x0 + 4, y + (tc.lane_h - font) * 0.5f, x1 - 2,
                            static_cast<uint32_t>(lane), r.first + offset});
  });
  const auto& prints = l.prints;
  auto it = std::lower_bound(prints.begin(), prints.end(), tc.u0,
                             [](const exporter::Marker& m, double u) { return m.time < u; });
  float last_x = -1e9f;
  for (; it != prints.end() && it->time <= tc.u1; ++it) {
    const float x = tc.x(it->time);
    if (x - last_x < 2) continue;  // fold prints closer than two pixels
    last_x = x;
    out.prints.push_back(ImVec2(x, y + pad * 0.5f));
    out.prints_lane.push_back(static_cast<uint32_t>(lane));
  }
}

float event_x(const TimelineContext& tc, const loop::Trace& trace, uint32_t event) {
  return tc.x(tc.steps ? static_cast<double>(event) : trace[event].time);
}

void collect_flows(const TimelineContext& tc, const loop::Trace& trace, float top, size_t lane0,
                   size_t lane1, int selected_lane, Records& out) {
  constexpr size_t kMaxFlows = 400;
  for (const exporter::Flow& f : tc.model->flows) {
    const bool touches_view =
        (f.from_lane >= lane0 && f.from_lane < lane1) || (f.to_lane >= lane0 && f.to_lane < lane1);
    if (!touches_view) continue;
    // Timer wake-ups (from the loop's lane) would hide the task-to-task arrows a class
    // follows; they are drawn only for the selected task.
    if (f.from_lane == exporter::TimelineModel::kLoopLane && selected_lane < 0) continue;
    const float xa = event_x(tc, trace, f.from_event), xb = event_x(tc, trace, f.to_event);
    if (std::max(xa, xb) < tc.x0 || std::min(xa, xb) > tc.x1) continue;
    if (selected_lane >= 0 && static_cast<int>(f.to_lane) != selected_lane &&
        static_cast<int>(f.from_lane) != selected_lane)
      continue;
    out.flows.push_back({ImVec2(xa, lane_y(f.from_lane, top, tc.lane_h) + tc.lane_h * 0.5f),
                         ImVec2(xb, lane_y(f.to_lane, top, tc.lane_h) + tc.lane_h * 0.5f)});
    if (out.flows.size() > kMaxFlows) {
      out.flows.clear();  // too many to read: only the selected task's arrows are drawn
      return;
    }
  }
}

int selected_lane(const PanelContext& ctx, const TimelineContext& tc) {
  const int task = ctx.view.selected_task;
  return task >= 0 && static_cast<size_t>(task) < tc.model->task_lane.size()
             ? static_cast<int>(tc.model->task_lane[task])
             : -1;
}

// [SECTION] draw ------------------------------------------------------------------------

void draw_records(const PanelContext& ctx, const TimelineContext& tc, const Records& rec,
                  ImDrawList* draw) {
  const exporter::Palette& c = ctx.colors;
  for (const DrawRect& r : rec.rects) {
    draw->AddRectFilled(ImVec2(r.x0, r.y0), ImVec2(r.x1, r.y1), im(c.of(r.state)));
    if (r.x1 - r.x0 >= 4)
      draw->AddRect(ImVec2(r.x0, r.y0), ImVec2(r.x1, r.y1), im(c.outline.with_alpha(140)));
  }
  const loop::Trace& trace = ctx.model.trace();
  for (const DrawLabel& l : rec.labels) {
    const exporter::Segment& s = tc.model->lanes[l.lane].segments[l.segment];
    const std::string text = exporter::segment_label(trace, s);
    draw->PushClipRect(ImVec2(l.x, l.y - 2), ImVec2(l.clip, l.y + ImGui::GetFontSize() + 2), true);
    draw->AddText(ImVec2(l.x, l.y), im(c.text_on(s.state)), text.c_str());
    draw->PopClipRect();
  }
  for (size_t i = 0; i < rec.prints.size(); ++i) {
    const ImVec2 p = rec.prints[i];
    const float s = tc.lane_h * 0.18f;
    const exporter::Lane& lane = tc.model->lanes[rec.prints_lane[i]];
    const ImU32 col =
        lane.kind == exporter::LaneKind::Task ? im(c.lane_color(lane.id)) : im(c.text);
    draw->AddTriangleFilled(ImVec2(p.x - s, p.y), ImVec2(p.x + s, p.y), ImVec2(p.x, p.y + s * 1.4f),
                            col);
  }
  for (const DrawFlow& f : rec.flows) {
    const ImU32 col = im(c.flow);
    const float dx = std::max(12.0f, std::abs(f.to.x - f.from.x) * 0.4f);
    draw->AddBezierCubic(f.from, ImVec2(f.from.x + dx, f.from.y), ImVec2(f.to.x - dx, f.to.y), f.to,
                         col, 1.6f);
    const float a = tc.lane_h * 0.2f;
    draw->AddTriangleFilled(f.to, ImVec2(f.to.x - a, f.to.y - a * 0.6f),
                            ImVec2(f.to.x - a, f.to.y + a * 0.6f), col);
  }
}

void draw_lane_labels(const PanelContext& ctx, const TimelineContext& tc, ImDrawList* draw,
                      float left, float top, size_t lane0, size_t lane1) {
  const exporter::Palette& c = ctx.colors;
  const float font = ImGui::GetFontSize();
  for (size_t lane = lane0; lane < lane1; ++lane) {
    const exporter::Lane& l = tc.model->lanes[lane];
    const float y = lane_y(lane, top, tc.lane_h);
    const bool selected =
        l.kind == exporter::LaneKind::Task && static_cast<int>(l.id) == ctx.view.selected_task;
    const ImU32 chip =
        l.kind == exporter::LaneKind::Task ? im(c.lane_color(l.id)) : im(c.text_muted);
    draw->AddRectFilled(ImVec2(left + 2, y + tc.lane_h * 0.2f),
                        ImVec2(left + 2 + font * 0.35f, y + tc.lane_h * 0.8f), chip);
    draw->PushClipRect(ImVec2(left, y), ImVec2(left + tc.label_w - 6, y + tc.lane_h), true);
    ImFont* font_face =
        selected || l.kind != exporter::LaneKind::Task ? ctx.fonts.bold : ctx.fonts.ui;
    // "Task-2 (chef)" becomes "Task-2" when the column is too narrow for both.
    std::string_view name = l.name;
    const size_t paren = name.find(" (");
    if (paren != std::string_view::npos &&
        font_face->CalcTextSizeA(font, FLT_MAX, 0, name.data(), name.data() + name.size()).x >
            tc.label_w - font)
      name = name.substr(0, paren);
    draw->AddText(font_face, font, ImVec2(left + font * 0.6f, y + (tc.lane_h - font) * 0.5f),
                  im(c.text), name.data(), name.data() + name.size());
    draw->PopClipRect();
  }
}

void draw_lane_backgrounds(const PanelContext& ctx, const TimelineContext& tc, ImDrawList* draw,
                           float left, float top, size_t lane0, size_t lane1) {
  const exporter::Palette& c = ctx.colors;
  for (size_t lane = lane0; lane < lane1; ++lane) {
    const exporter::Lane& l = tc.model->lanes[lane];
    const float y = lane_y(lane, top, tc.lane_h);
    const bool selected =
        l.kind == exporter::LaneKind::Task && static_cast<int>(l.id) == ctx.view.selected_task;
    const auto& marked = ctx.view.highlighted_lanes;
    if (std::find(marked.begin(), marked.end(), lane) != marked.end()) {
      // A warning's lanes: a tinted row and a bar at the left edge, visible at any zoom.
      draw->AddRectFilled(ImVec2(left, y), ImVec2(tc.x1, y + tc.lane_h),
                          im(c.of(LaneState::Failed).with_alpha(50)));
      draw->AddRectFilled(ImVec2(left, y), ImVec2(left + 3, y + tc.lane_h),
                          im(c.of(LaneState::Failed)));
    } else if (selected)
      draw->AddRectFilled(ImVec2(left, y), ImVec2(tc.x1, y + tc.lane_h),
                          im(c.cursor.with_alpha(45)));
    else if (lane % 2)
      draw->AddRectFilled(ImVec2(left, y), ImVec2(tc.x1, y + tc.lane_h), im(c.panel));
  }
}

// [SECTION] interaction -----------------------------------------------------------------

const DrawRect* hit(const Records& rec, ImVec2 mouse) {
  for (auto it = rec.rects.rbegin(); it != rec.rects.rend(); ++it)
    if (mouse.x >= it->x0 - 1 && mouse.x <= it->x1 + 1 && mouse.y >= it->y0 && mouse.y <= it->y1)
      return &*it;
  return nullptr;
}

void tooltip(const PanelContext& ctx, const TimelineContext& tc, const DrawRect& r) {
  const loop::Trace& trace = ctx.model.trace();
  const exporter::Lane& lane = tc.model->lanes[r.lane];
  const exporter::Segment& s = lane.segments[r.first];
  const exporter::Segment& timed = ctx.model.timeline().lanes[r.lane].segments[r.first];
  ImGui::BeginTooltip();
  ImGui::PushFont(ctx.fonts.bold);
  ImGui::TextUnformatted(lane.name.c_str());
  ImGui::PopFont();
  if (r.count > 1) {
    ImGui::Text("%u segments under one pixel: zoom in to see them", r.count);
  } else {
    ImGui::Text("%s: %s", exporter::state_name(s.state), exporter::segment_label(trace, s).c_str());
    ImGui::Text("t = %s .. %s s (step %u)", format_time(timed.start).c_str(),
                format_time(timed.end).c_str(), s.event + 1);
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
    ImGui::TextDisabled("%s", exporter::narrate(trace, s.event).c_str());
    ImGui::PopTextWrapPos();
  }
  ImGui::EndTooltip();
}

double unit_of_cursor(const ViewModel& m, bool steps) {
  return steps ? static_cast<double>(m.cursor()) : m.display_time();
}

void seek_to_unit(PanelContext& ctx, bool steps, double u) {
  if (steps)
    ctx.commands.seek = static_cast<size_t>(
        std::clamp(std::llround(u), 0LL, static_cast<long long>(ctx.model.size())));
  else
    ctx.commands.seek_time = std::max(0.0, u);
}

void header(PanelContext& ctx) {
  PanelHeading(ctx, "Timeline");
  ImGui::SameLine();
  if (ImGui::SmallButton(ctx.view.steps_axis ? "axis: steps" : "axis: time"))
    ctx.view.steps_axis = !ctx.view.steps_axis;
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("Time axis, or one column per step (zero-duration steps get width)");
  ImGui::SameLine();
  if (ImGui::SmallButton("fit")) set_range(ctx.view, 0, 0);
  if (!ctx.view.show.legend) return;
  ImGui::SameLine(0, ImGui::GetFontSize());
  DrawLegend(ctx);
}

void follow_cursor(PanelContext& ctx, const TimelineContext& tc) {
  if (!ctx.model.playing()) return;
  const double u = unit_of_cursor(ctx.model, tc.steps);
  const double span = tc.u1 - tc.u0;
  if (u > tc.u1 - span * 0.05)
    set_range(ctx.view, u - span * 0.2, u + span * 0.8);
  else if (u < tc.u0)
    set_range(ctx.view, u - span * 0.2, u + span * 0.8);
}

void handle_input(PanelContext& ctx, TimelineContext& tc, const Records& rec, ImVec2 area_min,
                  ImVec2 area_max, float top) {
  static bool scrubbing = false;
  static bool dragged = false;  // a click that moved is a pan or a scrub, not a seek
  ImGuiIO& io = ImGui::GetIO();
  const bool hovered = ImGui::IsItemHovered();
  const bool active = ImGui::IsItemActive();
  const ImVec2 mouse = io.MousePos;
  const float cursor_x = tc.x(unit_of_cursor(ctx.model, tc.steps));
  if (hovered && io.MouseWheel != 0) {
    if (io.KeyShift)
      ImGui::SetScrollY(ImGui::GetScrollY() - io.MouseWheel * tc.lane_h * 3);
    else if (mouse.x > tc.x0)
      zoom_around(ctx.view, tc, mouse.x, io.MouseWheel > 0 ? 0.8f : 1.25f);
  }
  if (ImGui::IsItemClicked(ImGuiMouseButton_Left)) {
    scrubbing = std::abs(mouse.x - cursor_x) < 6;
    dragged = false;
  }
  if (active && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 3)) {
    dragged = true;
    if (scrubbing) {
      seek_to_unit(ctx, tc.steps, tc.unit_at(std::max(mouse.x, tc.x0)));
    } else {
      const double du = io.MouseDelta.x / tc.px_per_unit;
      set_range(ctx.view, tc.u0 - du, tc.u1 - du);
      ImGui::SetScrollY(ImGui::GetScrollY() - io.MouseDelta.y);
    }
  } else if (ImGui::IsItemDeactivated() && !dragged) {
    if (mouse.x > tc.x0) seek_to_unit(ctx, tc.steps, tc.unit_at(mouse.x));
    if (mouse.y >= top) {
      const size_t lane = static_cast<size_t>((mouse.y - top) / tc.lane_h);
      if (lane < tc.model->lanes.size() && tc.model->lanes[lane].kind == exporter::LaneKind::Task) {
        const int id = static_cast<int>(tc.model->lanes[lane].id);
        if (mouse.x < tc.x0)
          ctx.view.selected_task = ctx.view.selected_task == id ? -1 : id;
        else
          ctx.view.selected_task = id;
      }
    }
  }
  if (hovered && !active && mouse.y >= area_min.y && mouse.y < area_max.y) {
    if (const DrawRect* r = hit(rec, mouse)) tooltip(ctx, tc, *r);
  }
  if ((hovered && std::abs(mouse.x - cursor_x) < 6) || (active && scrubbing))
    ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeEW);
}

// The scrolling lanes: cull to the visible rows and range, collect, draw, then input.
void draw_lanes(PanelContext& ctx, TimelineContext& tc, ImDrawList* outer, ImVec2 panel_min,
                float ruler_h) {
  const ViewModel& m = ctx.model;
  ImGui::BeginChild("##lanes", ImVec2(0, 0), false, ImGuiWindowFlags_NoScrollWithMouse);
  const size_t lanes = tc.model->lanes.size();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float view_h = ImGui::GetWindowHeight();
  if (ctx.view.scroll_to_highlight && !ctx.view.highlighted_lanes.empty()) {
    ctx.view.scroll_to_highlight = false;
    const float y = ctx.view.highlighted_lanes.front() * tc.lane_h;
    if (y < ImGui::GetScrollY() || y + tc.lane_h > ImGui::GetScrollY() + view_h)
      ImGui::SetScrollY(std::max(0.0f, y - view_h * 0.25f));
  }
  const float scroll = ImGui::GetScrollY();
  const size_t lane0 = static_cast<size_t>(std::max(0.0f, scroll / tc.lane_h));
  const size_t lane1 = std::min(lanes, lane0 + static_cast<size_t>(view_h / tc.lane_h) + 2);
  tc.x1 = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  tc.px_per_unit = (tc.x1 - tc.x0) / std::max(1e-12, tc.u1 - tc.u0);

  Records rec;
  for (size_t lane = lane0; lane < lane1; ++lane)
    collect_lane(tc, lane, lane_y(lane, origin.y, tc.lane_h), rec);
  collect_flows(tc, m.trace(), origin.y, lane0, lane1, selected_lane(ctx, tc), rec);

  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 wmin = ImGui::GetWindowPos();
  const ImVec2 wmax(wmin.x + ImGui::GetWindowWidth(), wmin.y + view_h);
  draw_lane_backgrounds(ctx, tc, draw, origin.x, origin.y, lane0, lane1);
  draw->PushClipRect(ImVec2(tc.x0, wmin.y), wmax, true);
  draw_records(ctx, tc, rec, draw);
  const float cx = tc.x(unit_of_cursor(m, tc.steps));
  draw->AddLine(ImVec2(cx, wmin.y), ImVec2(cx, wmax.y), im(ctx.colors.cursor), 2.5f);
  draw->PopClipRect();
  draw_lane_labels(ctx, tc, draw, origin.x, origin.y, lane0, lane1);
  outer->AddLine(ImVec2(cx, panel_min.y), ImVec2(cx, panel_min.y + ruler_h), im(ctx.colors.cursor),
                 2.5f);
  outer->AddTriangleFilled(ImVec2(cx - 6, panel_min.y), ImVec2(cx + 6, panel_min.y),
                           ImVec2(cx, panel_min.y + 8), im(ctx.colors.cursor));

  ImGui::SetCursorScreenPos(origin);
  ImGui::InvisibleButton("##lanes_input", ImVec2(std::max(1.0f, tc.x1 - origin.x),
                                                 std::max(view_h, lanes * tc.lane_h)));
  handle_input(ctx, tc, rec, wmin, wmax, origin.y);
  ImGui::EndChild();
}

}  // namespace

void DrawTimeline(PanelContext& ctx) {
  header(ctx);
  const ViewModel& m = ctx.model;
  if (m.empty()) {
    ImGui::TextDisabled(ctx.program.running ? "Running the program..."
                                            : "No trace: the program produced no events.");
    return;
  }
  TimelineContext tc;
  tc.steps = ctx.view.steps_axis;
  tc.model = tc.steps ? &m.steps_timeline() : &m.timeline();
  visible_range(m, ctx.view, &tc.u0, &tc.u1);
  const float font = ImGui::GetFontSize();
  const float ruler_h = font + 6;
  // Few lanes get tall, readable rows; many lanes get the compact minimum and a scrollbar.
  const float fill_h =
      (ImGui::GetContentRegionAvail().y - ruler_h) / std::max<size_t>(1, tc.model->lanes.size());
  tc.lane_h = std::floor(std::clamp(fill_h, font * 1.55f, font * 2.6f));
  const ImVec2 panel_min = ImGui::GetCursorScreenPos();
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  tc.label_w = std::min(font * 11, avail.x * 0.3f);
  tc.x0 = panel_min.x + tc.label_w;
  tc.x1 = panel_min.x + avail.x;
  tc.px_per_unit = (tc.x1 - tc.x0) / std::max(1e-12, tc.u1 - tc.u0);
  follow_cursor(ctx, tc);
  if (ctx.commands.zoom != 1.0f)
    zoom_around(ctx.view, tc, tc.x(unit_of_cursor(m, tc.steps)), ctx.commands.zoom);
  visible_range(m, ctx.view, &tc.u0, &tc.u1);
  tc.px_per_unit = (tc.x1 - tc.x0) / std::max(1e-12, tc.u1 - tc.u0);

  ImDrawList* outer = ImGui::GetWindowDrawList();
  draw_ruler(tc, outer, panel_min, ruler_h, ctx.colors);
  ImGui::InvisibleButton("##ruler", ImVec2(avail.x, ruler_h));
  if (ImGui::IsItemActive() && ImGui::GetIO().MousePos.x > tc.x0)
    seek_to_unit(ctx, tc.steps, tc.unit_at(ImGui::GetIO().MousePos.x));
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Click or drag to move the cursor in time");

  draw_lanes(ctx, tc, outer, panel_min, ruler_h);
}

void DrawWholeTimeline(const PanelContext& ctx, ImDrawList* draw,
                       const TimelineImageLayout& layout) {
  const ViewModel& m = ctx.model;
  TimelineContext tc;
  tc.steps = ctx.view.steps_axis;
  tc.model = tc.steps ? &m.steps_timeline() : &m.timeline();
  const double end = axis_end(m, tc.steps);
  tc.u0 = -end * 0.01;
  tc.u1 = end * 1.02;
  tc.lane_h = layout.lane_h;
  tc.label_w = layout.label_w;
  tc.text = layout.text;
  tc.x0 = layout.label_w;
  tc.x1 = static_cast<float>(layout.width) - 4;
  tc.px_per_unit = (tc.x1 - tc.x0) / (tc.u1 - tc.u0);
  const ImVec2 size(static_cast<float>(layout.width), static_cast<float>(layout.height));
  draw->AddRectFilled(ImVec2(0, 0), size, im(ctx.colors.background));
  draw_ruler(tc, draw, ImVec2(0, 0), layout.ruler_h, ctx.colors);
  const float top = layout.ruler_h;
  const size_t lanes = tc.model->lanes.size();
  Records rec;
  for (size_t lane = 0; lane < lanes; ++lane) collect_lane(tc, lane, lane_y(lane, top, tc.lane_h), rec);
  collect_flows(tc, m.trace(), top, 0, lanes, selected_lane(ctx, tc), rec);
  draw_lane_backgrounds(ctx, tc, draw, 0, top, 0, lanes);
  draw->PushClipRect(ImVec2(tc.x0, top), size, true);
  draw_records(ctx, tc, rec, draw);
  const float cx = tc.x(unit_of_cursor(m, tc.steps));
  draw->AddLine(ImVec2(cx, 0), ImVec2(cx, size.y), im(ctx.colors.cursor), 2.5f);
  draw->PopClipRect();
  if (layout.text) draw_lane_labels(ctx, tc, draw, 0, top, 0, lanes);
}

void DrawLegend(PanelContext& ctx) {
  const float h = ImGui::GetTextLineHeight();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  // Items flow onto the next line when the panel is narrow; none is ever clipped.
  for (size_t i = 0; i < exporter::kLaneStateCount; ++i) {
    const auto state = static_cast<LaneState>(i);
    const float item_w = h * 1.25f + ImGui::CalcTextSize(exporter::state_name(state)).x;
    if (i) ImGui::SameLine(0, h * 0.8f);
    if (ImGui::GetContentRegionAvail().x < item_w) ImGui::NewLine();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    draw_state_icon(draw, p, h, state, ctx.colors);
    ImGui::Dummy(ImVec2(h, h));
    ImGui::SameLine(0, h * 0.25f);
    ImGui::TextUnformatted(exporter::state_name(state));
  }
}

}  // namespace looplab::app
