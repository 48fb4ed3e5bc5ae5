#include "app/gui/timeline_image.hpp"

#include <algorithm>
#include <cmath>

namespace looplab::app {

TimelineImageLayout timeline_image_layout(size_t lanes, float font_px, int width) {
  TimelineImageLayout out;
  out.width = std::clamp(width, kMinImageWidth, kMaxImageWidth);
  out.ruler_h = std::ceil(font_px + 6);
  const float compact = std::floor(font_px * 1.55f);  // the screen's many-lanes height
  const float rows = static_cast<float>(std::max<size_t>(lanes, 1));
  const float fitting = std::floor((kMaxImageHeight - out.ruler_h) / rows);
  out.lane_h = std::max(1.0f, std::min(compact, fitting));
  out.text = out.lane_h >= font_px;
  out.label_w = out.text ? std::min(font_px * 11, out.width * 0.3f) : font_px;
  out.height = static_cast<int>(out.ruler_h + rows * out.lane_h);
  return out;
}

}  // namespace looplab::app
