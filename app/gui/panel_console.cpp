// Console: the program's output up to the cursor, each line with the virtual time it was
// completed at (as `looplab-cli run --stamp` prints it). Follows the cursor.
#include <imgui.h>

#include <algorithm>

#include "app/gui/labels.hpp"
#include "app/gui/panels.hpp"
#include "app/gui/theme.hpp"

namespace looplab::app {

void DrawConsole(PanelContext& ctx) {
  const std::vector<ConsoleLine>& lines = ctx.model.console();
  const size_t cursor = ctx.model.cursor();
  const size_t visible = static_cast<size_t>(
      std::lower_bound(lines.begin(), lines.end(), cursor,
                       [](const ConsoleLine& line, size_t k) { return line.event < k; }) -
      lines.begin());
  PanelHeading(ctx, "Console");
  ImGui::SameLine();
  ImGui::TextDisabled("%zu / %zu lines", visible, lines.size());
  ImGui::BeginChild("##console_lines", ImVec2(0, 0), false, ImGuiWindowFlags_HorizontalScrollbar);
  ImGui::PushFont(ctx.fonts.mono);
  const ImVec4 err = im4(ctx.colors.of(exporter::LaneState::Failed));
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(visible));
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const ConsoleLine& line = lines[i];
      ImGui::TextDisabled("[%s]", format_time(line.time).c_str());
      ImGui::SameLine();
      if (line.is_stderr)
        ImGui::TextColored(err, "%s", line.text.c_str());
      else
        ImGui::TextUnformatted(line.text.c_str());
    }
  }
  static size_t last_visible = 0;
  if (visible != last_visible) ImGui::SetScrollHereY(1.0f);
  last_visible = visible;
  ImGui::PopFont();
  ImGui::EndChild();
}

}  // namespace looplab::app
