// [SECTION] index
//   construction and program loading
//   frame: input, layout, commands
//   splitters and the window layout
//   background runs and autosave
#include "app/gui/app.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/gui/settings.hpp"
#include "app/gui/theme.hpp"

namespace looplab::app {

namespace {

constexpr double kRerunDelay = 0.6;  // seconds after the last keystroke/slider move
constexpr double kAutosaveDelay = 1.0;

session::RunOptions run_options(const ProgramView& program) {
  session::RunOptions options;
  for (const session::ScenarioParam& p : program.program.info.params) {
    const auto it = program.parameters.find(p.name);
    if (it == program.parameters.end() || it->second == p.value) continue;
    // Ten digits drop the float noise of slider steps (0.30000000000000004 -> 0.3).
    char text[64];
    std::snprintf(text, sizeof text, p.is_int ? "%.0f" : "%.10g", it->second);
    std::string value = text;
    if (!p.is_int && value.find_first_of(".e") == std::string::npos) value += ".0";
    options.overrides.emplace_back(p.name, value);
  }
  return options;
}

}  // namespace

// [SECTION] construction and program loading ------------------------------------------

App::App(Platform& platform, ViewData view, bool persist)
    : platform_(platform), view_(std::move(view)), persist_(persist) {}

App::~App() {
  runner_.stop_all();
  if (!persist_) return;
  std::string error;
  platform_.window_size(&view_.window_width, &view_.window_height);
  save_view_data(view_, &error);
  if (program_.edited_source != program_.program.source)
    save_autosave(program_.program.name, program_.edited_source, &error);
}

void App::open(const std::string& name_or_path) {
  std::string error;
  std::optional<session::Program> loaded = session::load_program(name_or_path, &error);
  if (!loaded) {
    program_.load_error = error.empty() ? "cannot open " + name_or_path : error;
    status_ = program_.load_error;
    return;
  }
  if (persist_ && program_.edited_source != program_.program.source &&
      !program_.program.name.empty())
    save_autosave(program_.program.name, program_.edited_source, &error);
  program_.program = std::move(*loaded);
  program_.load_error.clear();
  program_.edited_source = program_.program.source;
  program_.restored_autosave = false;
  if (persist_) {
    if (auto saved = load_autosave(program_.program.name);
        saved && *saved != program_.program.source) {
      program_.edited_source = *saved;
      program_.restored_autosave = true;
    }
  }
  program_.parameters.clear();
  for (const auto& p : program_.program.info.params) {
    auto it = overrides_.find(p.name);
    program_.parameters[p.name] = it != overrides_.end() ? it->second : p.value;
  }
  if (name_or_path.ends_with(".py")) add_recent_file(&view_, name_or_path);
  view_.view_t0 = view_.view_t1 = 0.0;
  view_.selected_task = -1;
  start_run(false);
}

void App::start_run(bool keep_time) {
  session::Program program =
      program_.edited_source == program_.program.source
          ? program_.program
          : session::program_from_source(program_.program.name, program_.program.filename,
                                         program_.edited_source);
  runner_.start(std::move(program), run_options(program_));
  program_.running = true;
  keep_time_on_result_ = keep_time;
}

void App::capture_finished(bool ok, const std::string& error) {
  export_.capture_finished(ok, error);
  if (!ok) status_ = error;
}

void App::poll_run() {
  if (auto result = runner_.poll()) {
    const bool first = !keep_time_on_result_;
    model_.set_run(std::move(*result), keep_time_on_result_);
    clear_highlight(view_);
    // A run where everything happens at t=0 reads better one column per step.
    if (first) view_.steps_axis = model_.end_time() <= 0.0 && !model_.empty();
    program_.running = false;
  }
}

void App::wait_for_run() {
  while (runner_.running()) {
    poll_run();
    glfwWaitEventsTimeout(0.01);
  }
  poll_run();
}

// [SECTION] frame: input, layout, commands ---------------------------------------------

void App::rebuild_fonts_if_needed() {
  if (fonts_scale_ != view_.font_scale) {
    fonts_ = build_fonts(view_.font_scale);
    platform_.reload_font_texture();
    fonts_scale_ = view_.font_scale;
  }
  if (style_dark_ != view_.dark || style_scale_ != view_.font_scale) {
    apply_style(view_.dark, view_.font_scale);
    style_dark_ = view_.dark;
    style_scale_ = view_.font_scale;
  }
}

void App::frame(double dt) {
  clock_ += dt;
  rebuild_fonts_if_needed();
  poll_run();
  handle_dropped_files();
  model_.advance(dt, view_.speed, view_.granularity);

  platform_.begin_frame();
  Commands commands;
  PanelContext ctx{model_, view_, program_, fonts_, palette(view_.dark), commands};
  handle_keyboard(commands);
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->WorkPos);
  ImGui::SetNextWindowSize(viewport->WorkSize);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(6, 4));
  ImGui::Begin("LoopLab", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_MenuBar |
                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                   ImGuiWindowFlags_NoBackground);
  ImGui::PopStyleVar();
  draw_menu_bar(commands);
  DrawToolbar(ctx);
  draw_layout(ctx);
  ImGui::End();
  export_.draw(ctx);
  if (auto path = export_.take_timeline_png()) timeline_png_ = std::move(*path);
  if (timeline_png_) write_timeline_png(ctx);
  apply(commands);
  autosave_if_due(clock_);
  if (rerun_due_ >= 0 && clock_ >= rerun_due_) {
    rerun_due_ = -1;
    start_run(true);
  }
}

void App::write_timeline_png(const PanelContext& ctx) {
  const std::string path = std::move(*timeline_png_);
  timeline_png_.reset();
  std::string error;
  bool ok = false;
  if (model_.empty()) {
    error = "nothing to export: the program has no trace yet";
  } else {
    constexpr int kDefaultWidth = 1600;  // a slide's width, whatever the panel's
    const TimelineImageLayout layout =
        timeline_image_layout(model_.timeline().lanes.size(), ImGui::GetFontSize(),
                              std::max(kDefaultWidth, static_cast<int>(timeline_width_)));
    ImDrawList list(ImGui::GetDrawListSharedData());
    list._ResetForNewFrame();
    list.PushTextureID(ImGui::GetIO().Fonts->TexID);
    list.PushClipRect(ImVec2(0, 0), ImVec2(static_cast<float>(layout.width),
                                           static_cast<float>(layout.height)));
    DrawWholeTimeline(ctx, &list, layout);
    ok = platform_.write_png_offscreen(path, &list, layout.width, layout.height, &error);
  }
  export_.capture_finished(ok, error);
  if (!ok) status_ = error;
  timeline_png_result_ = ok ? "" : error;
}

void App::handle_keyboard(Commands& commands) {
  const ImGuiIO& io = ImGui::GetIO();
  if (io.WantTextInput) return;
  auto pressed = [](int key, bool repeat = true) { return ImGui::IsKeyPressed(key, repeat); };
  if (io.KeyCtrl) {
    if (pressed(GLFW_KEY_EQUAL) || pressed(GLFW_KEY_KP_ADD))
      view_.font_scale = std::min(kMaxFontScale, view_.font_scale + 0.25f);
    if (pressed(GLFW_KEY_MINUS) || pressed(GLFW_KEY_KP_SUBTRACT))
      view_.font_scale = std::max(kMinFontScale, view_.font_scale - 0.25f);
    if (pressed(GLFW_KEY_0)) view_.font_scale = 1.0f;
    if (pressed(GLFW_KEY_E, false)) export_.open();
    return;
  }
  if (pressed(GLFW_KEY_SPACE, false)) commands.toggle_play = true;
  if (pressed(GLFW_KEY_RIGHT)) commands.step_forward = true;
  if (pressed(GLFW_KEY_LEFT)) commands.step_back = true;
  if (pressed(GLFW_KEY_HOME, false)) commands.reset = true;
  if (pressed(GLFW_KEY_END, false)) commands.run_to_end = true;
  if (pressed(GLFW_KEY_EQUAL) || pressed(GLFW_KEY_KP_ADD)) commands.zoom = 0.7f;
  if (pressed(GLFW_KEY_MINUS) || pressed(GLFW_KEY_KP_SUBTRACT)) commands.zoom = 1.0f / 0.7f;
}

void App::handle_dropped_files() {
  for (const std::string& path : platform_.take_dropped_files()) open(path);
}

void App::draw_menu_bar(Commands& commands) {
  if (!ImGui::BeginMenuBar()) return;
  if (ImGui::BeginMenu("File")) {
    if (ImGui::MenuItem("Export...", "Ctrl+E")) export_.open();
    if (ImGui::BeginMenu("Recent files", !view_.recent_files.empty())) {
      for (const std::string& path : view_.recent_files)
        if (ImGui::MenuItem(path.c_str())) commands.open_program = path;
      ImGui::EndMenu();
    }
    if (ImGui::MenuItem("Revert code to original", nullptr, false,
                        program_.edited_source != program_.program.source))
      commands.revert_source = true;
    ImGui::Separator();
    if (ImGui::MenuItem("Quit")) platform_.request_close();
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("View")) {
    ImGui::MenuItem("Source", nullptr, &view_.show.source);
    ImGui::MenuItem("Parameters", nullptr, &view_.show.parameters);
    ImGui::MenuItem("Tasks", nullptr, &view_.show.tasks);
    ImGui::MenuItem("Event loop", nullptr, &view_.show.event_loop);
    ImGui::MenuItem("Warnings", nullptr, &view_.show.warnings);
    ImGui::MenuItem("Console", nullptr, &view_.show.console);
    ImGui::MenuItem("Narration", nullptr, &view_.show.narration);
    ImGui::MenuItem("State legend", nullptr, &view_.show.legend);
    ImGui::Separator();
    if (ImGui::MenuItem("Dark theme", nullptr, view_.dark)) view_.dark = !view_.dark;
    if (ImGui::MenuItem("Larger text", "Ctrl+="))
      view_.font_scale = std::min(kMaxFontScale, view_.font_scale + 0.25f);
    if (ImGui::MenuItem("Smaller text", "Ctrl+-"))
      view_.font_scale = std::max(kMinFontScale, view_.font_scale - 0.25f);
    if (ImGui::MenuItem("Fit timeline", "")) view_.view_t0 = view_.view_t1 = 0;
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("Help")) {
    ImGui::TextUnformatted(
        "Space  play / pause\nRight / Left  step forward / back\nHome / End  start / end\n"
        "+ / -  zoom the timeline\nCtrl+= / Ctrl+-  text size\nCtrl+E  export\n"
        "Drop a .py file on the window to open it.");
    ImGui::EndMenu();
  }
  if (!status_.empty()) {
    ImGui::SameLine(0, 30);
    ImGui::TextColored(im4(palette(view_.dark).of(exporter::LaneState::Failed)), "%s",
                       status_.c_str());
    if (ImGui::SmallButton("dismiss")) status_.clear();
  }
  ImGui::EndMenuBar();
}

void App::apply(const Commands& c) {
  if (c.toggle_play) model_.set_playing(!model_.playing());
  if (c.step_forward) {
    model_.set_playing(false);
    model_.step_forward(view_.granularity);
  }
  if (c.step_back) {
    model_.set_playing(false);
    model_.step_back(view_.granularity);
  }
  if (c.reset) model_.reset();
  if (c.run_to_end) model_.run_to_end();
  if (c.seek) model_.set_cursor(*c.seek);
  if (c.seek_time) model_.seek_time(*c.seek_time);
  if (c.open_program) open(*c.open_program);
  if (c.revert_source) {
    program_.edited_source = program_.program.source;
    program_.restored_autosave = false;
    if (persist_) remove_autosave(program_.program.name);
    start_run(true);
  }
  if (c.source_edited) {
    rerun_due_ = clock_ + kRerunDelay;
    autosave_due_ = clock_ + kAutosaveDelay;
  }
  if (c.parameters_changed) rerun_due_ = clock_ + kRerunDelay * 0.5;
  if (c.export_requested) export_.open();
  if (!export_.error().empty()) status_ = export_.error();
}

void App::autosave_if_due(double now) {
  if (autosave_due_ < 0 || now < autosave_due_ || !persist_) return;
  autosave_due_ = -1;
  std::string error;
  if (program_.edited_source == program_.program.source) {
    remove_autosave(program_.program.name);
  } else if (!save_autosave(program_.program.name, program_.edited_source, &error)) {
    status_ = "autosave failed: " + error;
  }
}

// [SECTION] splitters and the window layout --------------------------------------------

namespace {

// A draggable bar between two regions; `fraction` is the first region's share of `total`.
void splitter(const char* id, bool vertical, float total, float* fraction, float min_fraction,
              float max_fraction) {
  const float thickness = 6.0f * ImGui::GetIO().FontGlobalScale;
  ImGui::InvisibleButton(id, ImVec2(vertical ? thickness : ImGui::GetContentRegionAvail().x,
                                    vertical ? ImGui::GetContentRegionAvail().y : thickness));
  const bool active = ImGui::IsItemActive();
  if (ImGui::IsItemHovered() || active)
    ImGui::SetMouseCursor(vertical ? ImGuiMouseCursor_ResizeEW : ImGuiMouseCursor_ResizeNS);
  if (active && total > 0) {
    const float delta = vertical ? ImGui::GetIO().MouseDelta.x : ImGui::GetIO().MouseDelta.y;
    *fraction = std::clamp(*fraction + delta / total, min_fraction, max_fraction);
  }
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  const ImU32 colour = ImGui::GetColorU32(active                   ? ImGuiCol_SeparatorActive
                                          : ImGui::IsItemHovered() ? ImGuiCol_SeparatorHovered
                                                                   : ImGuiCol_Separator);
  if (vertical)
    ImGui::GetWindowDrawList()->AddLine(ImVec2((a.x + b.x) / 2, a.y), ImVec2((a.x + b.x) / 2, b.y),
                                        colour);
  else
    ImGui::GetWindowDrawList()->AddLine(ImVec2(a.x, (a.y + b.y) / 2), ImVec2(b.x, (a.y + b.y) / 2),
                                        colour);
}

// The layout runs with zero item spacing so splitters sit flush; panels get the theme's.
ImVec2 g_panel_spacing;

bool begin_panel(const char* id, ImVec2 size) {
  const bool open = ImGui::BeginChild(id, size, true, ImGuiWindowFlags_None);
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, g_panel_spacing);
  return open;
}

void end_panel() {
  ImGui::PopStyleVar();
  ImGui::EndChild();
}

// Two stacked panels split by a horizontal splitter; either may be hidden.
template <class Top, class Bottom>
void vertical_pair(const char* id, bool show_top, bool show_bottom, float* fraction, Top top,
                   Bottom bottom) {
  const float height = ImGui::GetContentRegionAvail().y;
  const float bar = 6.0f * ImGui::GetIO().FontGlobalScale;
  if (show_top && show_bottom) {
    const float top_h = std::floor((height - bar) * *fraction);
    ImGui::PushID(id);
    top(ImVec2(0, top_h));
    splitter("##split", false, height, fraction, 0.1f, 0.9f);
    bottom(ImVec2(0, 0));
    ImGui::PopID();
  } else if (show_top) {
    top(ImVec2(0, 0));
  } else if (show_bottom) {
    bottom(ImVec2(0, 0));
  }
}

}  // namespace

void App::draw_layout(PanelContext& ctx) {
  const float width = ImGui::GetContentRegionAvail().x;
  const float height = ImGui::GetContentRegionAvail().y;
  const float bar = 6.0f;
  const bool left = view_.show.source || view_.show.parameters;
  const bool right = view_.show.tasks || view_.show.event_loop || view_.show.warnings;
  const float left_w = left ? std::floor(width * view_.left_fraction) : 0;
  const float right_w = right ? std::floor(width * view_.right_fraction) : 0;
  const float centre_w = width - left_w - right_w - (left ? bar : 0) - (right ? bar : 0);
  g_panel_spacing = ImGui::GetStyle().ItemSpacing;
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, 0));
  if (left) {
    ImGui::BeginChild("##left", ImVec2(left_w, height), false);
    draw_left_column(ctx);
    ImGui::EndChild();
    ImGui::SameLine();
    splitter("##split_left", true, width, &view_.left_fraction, 0.12f, 0.5f);
    ImGui::SameLine();
  }
  ImGui::BeginChild("##centre", ImVec2(centre_w, height), false);
  draw_centre_column(ctx);
  ImGui::EndChild();
  if (right) {
    ImGui::SameLine();
    float right_fraction = 1.0f - view_.right_fraction;
    splitter("##split_right", true, width, &right_fraction, 0.5f, 0.88f);
    view_.right_fraction = 1.0f - right_fraction;
    ImGui::SameLine();
    ImGui::BeginChild("##right", ImVec2(0, height), false);
    draw_right_column(ctx);
    ImGui::EndChild();
  }
  ImGui::PopStyleVar();
}

void App::draw_left_column(PanelContext& ctx) {
  vertical_pair(
      "left", view_.show.source, view_.show.parameters, &view_.source_fraction,
      [&](ImVec2 s) {
        if (begin_panel("Source", s)) DrawSource(ctx);
        end_panel();
      },
      [&](ImVec2 s) {
        if (begin_panel("Parameters", s)) DrawParameters(ctx);
        end_panel();
      });
}

void App::draw_centre_column(PanelContext& ctx) {
  const bool bottom = view_.show.console || view_.show.narration;
  float timeline_fraction = 1.0f - view_.bottom_fraction;
  vertical_pair(
      "centre", true, bottom, &timeline_fraction,
      [&](ImVec2 s) {
        if (begin_panel("Timeline", s)) DrawTimeline(ctx);
        timeline_width_ = ImGui::GetWindowWidth();
        end_panel();
      },
      [&](ImVec2 s) {
        ImGui::BeginChild("##bottom", s, false);
        const float w = ImGui::GetContentRegionAvail().x;
        const bool both = view_.show.console && view_.show.narration;
        if (view_.show.narration) {
          // The console's lines are the wider text; the narration is a sentence or two.
          if (begin_panel("Narration", ImVec2(both ? std::floor(w * 0.38f) : 0, 0)))
            DrawNarration(ctx);
          end_panel();
          if (both) ImGui::SameLine(0, 6.0f);
        }
        if (view_.show.console) {
          if (begin_panel("Console", ImVec2(0, 0))) DrawConsole(ctx);
          end_panel();
        }
        ImGui::EndChild();
      });
  view_.bottom_fraction = 1.0f - timeline_fraction;
}

void App::draw_right_column(PanelContext& ctx) {
  vertical_pair(
      "right_top", view_.show.tasks, view_.show.event_loop || view_.show.warnings,
      &view_.tasks_fraction,
      [&](ImVec2 s) {
        if (begin_panel("Tasks", s)) DrawTasks(ctx);
        end_panel();
      },
      [&](ImVec2 s) {
        ImGui::BeginChild("##right_bottom", s, false);
        vertical_pair(
            "right_bottom", view_.show.event_loop, view_.show.warnings, &view_.loop_fraction,
            [&](ImVec2 s2) {
              if (begin_panel("Event loop", s2)) DrawEventLoop(ctx);
              end_panel();
            },
            [&](ImVec2 s2) {
              if (begin_panel("Warnings", s2)) DrawWarnings(ctx);
              end_panel();
            });
        ImGui::EndChild();
      });
}

}  // namespace looplab::app
