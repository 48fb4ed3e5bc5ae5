// The whole-timeline PNG's dimensions (app/gui/timeline_image.hpp).
#include <catch2/catch.hpp>

#include "app/gui/timeline_image.hpp"

using looplab::app::kMaxImageHeight;
using looplab::app::timeline_image_layout;

TEST_CASE("the timeline image holds every lane at the screen's compact row height", "[app]") {
  const auto layout = timeline_image_layout(1004, 16.0f, 1600);
  CHECK(layout.width == 1600);
  CHECK(layout.text);
  CHECK(layout.lane_h == 24.0f);
  CHECK(layout.height == static_cast<int>(layout.ruler_h + 1004 * 24));
  CHECK(layout.height > 1000);  // taller than the window: more than the visible area
}

TEST_CASE("a 20,000-lane timeline image shrinks its rows to stay openable, never below a pixel",
          "[app]") {
  const auto big = timeline_image_layout(20004, 16.0f, 1600);
  CHECK(big.lane_h == 1.0f);
  CHECK_FALSE(big.text);
  CHECK(big.height == static_cast<int>(big.ruler_h) + 20004);
  const auto tall = timeline_image_layout(5000, 16.0f, 1600);
  CHECK(tall.height <= kMaxImageHeight);
  CHECK(tall.lane_h == 6.0f);
}

TEST_CASE("the timeline image width stays within what GL and viewers handle", "[app]") {
  CHECK(timeline_image_layout(3, 16.0f, 100).width == looplab::app::kMinImageWidth);
  CHECK(timeline_image_layout(3, 16.0f, 100000).width == looplab::app::kMaxImageWidth);
  CHECK(timeline_image_layout(0, 16.0f, 1200).height > 0);
}
