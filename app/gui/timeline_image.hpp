#pragma once
// The size and row layout of a whole-timeline PNG (File > Export): every lane and the
// whole time range, however tall that makes the picture, rendered offscreen in bands.
// Pure arithmetic, so tests/unit/app/ checks the dimensions without a GL context.

#include <cstddef>

namespace looplab::app {

struct TimelineImageLayout {
  int width = 0;
  int height = 0;
  float ruler_h = 0;   // the time axis along the top
  float lane_h = 0;    // every lane's row, top to bottom below the ruler
  float label_w = 0;   // lane names on the left
  bool text = true;    // rows tall enough for names and segment labels
};

// Rows stay at the screen's compact lane height until the picture would pass
// kMaxImageHeight; beyond that they shrink (to one pixel) so a 20,000-task run still
// fits in a file an image viewer opens.
inline constexpr int kMaxImageHeight = 32000;
inline constexpr int kMinImageWidth = 800;
inline constexpr int kMaxImageWidth = 8192;

TimelineImageLayout timeline_image_layout(size_t lanes, float font_px, int width);

}  // namespace looplab::app
