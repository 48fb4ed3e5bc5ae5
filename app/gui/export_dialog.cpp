#include "app/gui/export_dialog.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include "app/gui/panels.hpp"
#include "app/gui/theme.hpp"
#include "engine/export/export.hpp"

namespace looplab::app {

namespace {

struct FormatChoice {
  const char* label;
  const char* extension;
};

constexpr FormatChoice kFormats[] = {
    {"Perfetto / Chrome trace (JSON)", ".json"},
    {"CSV (one row per event)", ".csv"},
    {"Text log (console + narration)", ".txt"},
    {"SVG timeline (vector, for slides)", ".svg"},
    {"PNG of the whole timeline (every lane, the whole run)", ".png"},
    {"PNG of the whole window", ".png"},
};
constexpr int kPngTimeline = 4;
constexpr int kPngWindow = 5;

std::string default_path(const PanelContext& ctx, int format) {
  std::string stem = ctx.program.program.name;
  if (const size_t slash = stem.find_last_of('/'); slash != std::string::npos)
    stem = stem.substr(slash + 1);
  if (stem.ends_with(".py")) stem.resize(stem.size() - 3);
  if (stem.empty()) stem = "looplab";
  if (format == kPngTimeline) stem += "-timeline";
  return stem + kFormats[format].extension;
}

}  // namespace

void ExportDialog::draw(PanelContext& ctx) {
  if (capture_delay_ > 0) --capture_delay_;
  if (open_requested_) {
    ImGui::OpenPopup("Export");
    open_requested_ = false;
    if (path_.empty()) path_ = default_path(ctx, format_);
    done_.clear();
    error_.clear();
  }
  ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 34, 0));
  if (!ImGui::BeginPopupModal("Export", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  for (int i = 0; i < static_cast<int>(std::size(kFormats)); ++i)
    if (ImGui::RadioButton(kFormats[i].label, &format_, i)) path_ = default_path(ctx, format_);
  ImGui::Spacing();
  ImGui::TextUnformatted("File name");
  ImGui::SetNextItemWidth(-1);
  const bool enter =
      ImGui::InputText("##export_path", &path_, ImGuiInputTextFlags_EnterReturnsTrue);
  if (!error_.empty())
    ImGui::TextColored(im4(ctx.colors.of(exporter::LaneState::Failed)), "%s", error_.c_str());
  if (!done_.empty())
    ImGui::TextColored(im4(ctx.colors.of(exporter::LaneState::Running)), "%s", done_.c_str());
  ImGui::Spacing();
  if (ImGui::Button("Export") || enter) run_export(ctx);
  ImGui::SameLine();
  if (ImGui::Button("Close") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))
    ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

void ExportDialog::run_export(PanelContext& ctx) {
  error_.clear();
  done_.clear();
  if (path_.empty()) {
    error_ = "Type a file name first.";
    return;
  }
  if (format_ == kPngTimeline) {
    timeline_png_ = path_;
    done_ = "Writing " + path_ + "...";
    return;
  }
  if (format_ == kPngWindow) {
    capture_ = PendingCapture{path_};
    capture_delay_ = 2;  // the modal closes first so it is not in the picture
    ImGui::CloseCurrentPopup();
    return;
  }
  static constexpr exporter::Format kTraceFormats[] = {
      exporter::Format::Chrome, exporter::Format::Csv, exporter::Format::Text,
      exporter::Format::Svg};
  exporter::Options options;
  if (!ctx.program.program.info.title.empty()) options.title = ctx.program.program.info.title;
  options.theme = ctx.view.dark ? exporter::Theme::Dark : exporter::Theme::Light;
  std::string error;
  if (exporter::export_to_file(ctx.model.trace(), kTraceFormats[format_], path_, &error, options))
    done_ = "Wrote " + path_;
  else
    error_ = error.empty() ? "cannot write " + path_ : error;
}

std::optional<PendingCapture> ExportDialog::take_capture() {
  if (!capture_ || capture_delay_ > 0) return std::nullopt;
  std::optional<PendingCapture> out = std::move(capture_);
  capture_.reset();
  return out;
}

std::optional<std::string> ExportDialog::take_timeline_png() {
  std::optional<std::string> out = std::move(timeline_png_);
  timeline_png_.reset();
  return out;
}

void ExportDialog::capture_finished(bool ok, const std::string& error) {
  error_ = ok ? "" : error;
  done_ = ok && !path_.empty() ? "Wrote " + path_ : "";
  if (!ok) open_requested_ = true;
}

}  // namespace looplab::app
