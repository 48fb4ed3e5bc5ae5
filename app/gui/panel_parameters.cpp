// Parameters: one slider per `# @param` constant. Moving one re-runs the program with
// the new value (debounced) and keeps the cursor at the same virtual time.
#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "app/gui/panels.hpp"

namespace looplab::app {

void DrawParameters(PanelContext& ctx) {
  PanelHeading(ctx, "Parameters");
  const auto& params = ctx.program.program.info.params;
  if (params.empty()) {
    ImGui::TextDisabled("This program has no # @param constants.");
    return;
  }
  for (const session::ScenarioParam& p : params) {
    double& value = ctx.program.parameters[p.name];
    ImGui::PushID(p.name.c_str());
    ImGui::TextUnformatted(p.name.c_str());
    ImGui::SetNextItemWidth(-1);
    bool changed = false;
    if (p.is_int) {
      int v = static_cast<int>(std::lround(value));
      changed = ImGui::SliderInt("##v", &v, static_cast<int>(p.min), static_cast<int>(p.max));
      value = v;
    } else {
      float v = static_cast<float>(value);
      changed = ImGui::SliderFloat("##v", &v, static_cast<float>(p.min), static_cast<float>(p.max),
                                   "%.2f");
      if (changed && p.step > 0)
        v = static_cast<float>(p.min + std::round((v - p.min) / p.step) * p.step);
      value = std::clamp(static_cast<double>(v), p.min, p.max);
    }
    if (changed) ctx.commands.parameters_changed = true;
    if (!p.description.empty()) ImGui::TextDisabled("%s", p.description.c_str());
    ImGui::PopID();
  }
}

}  // namespace looplab::app
