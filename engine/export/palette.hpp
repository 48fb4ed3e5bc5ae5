#pragma once
// THE colours of LoopLab: the GUI timeline, the state panels and the SVG export all take
// their colours from here, so a slide and the live window agree.
//
// Why these colours: the hues are Okabe & Ito's colour-blind-safe set, assigned so that
// every pair of states differs in lightness as well as hue (washed-out classroom
// projectors keep lightness contrast long after saturation is gone). Every filled shape
// is also drawn with `outline`, so a pale fill stays visible on a white background.
//
// STABLE INTERFACE: states and members are only ever ADDED (the GUI engineer depends on
// the names); colour values may be tuned.

#include <array>
#include <cstddef>
#include <cstdint>

namespace looplab::exporter {

// [SECTION] Colours ------------------------------------------------------------------

struct Color {
  uint8_t r = 0, g = 0, b = 0, a = 255;

  // Dear ImGui's packed colour (IM_COL32 layout: A in the high byte, then B, G, R).
  constexpr uint32_t imgui() const {
    return (uint32_t{a} << 24) | (uint32_t{b} << 16) | (uint32_t{g} << 8) | uint32_t{r};
  }
  // "#rrggbb" for SVG/CSS; alpha is written separately as an opacity.
  constexpr std::array<char, 8> hex() const {
    constexpr char digits[] = "0123456789abcdef";
    return {'#',
            digits[r >> 4],
            digits[r & 15],
            digits[g >> 4],
            digits[g & 15],
            digits[b >> 4],
            digits[b & 15],
            '\0'};
  }
  constexpr Color with_alpha(uint8_t alpha) const { return Color{r, g, b, alpha}; }
};

constexpr Color rgb(uint32_t hex) {
  return Color{static_cast<uint8_t>(hex >> 16), static_cast<uint8_t>(hex >> 8),
               static_cast<uint8_t>(hex), 255};
}

// [SECTION] States -------------------------------------------------------------------
// What a lane (task, loop or worker) is doing over a span of virtual time. The six task
// states of the lessons come first; the loop and workers reuse them (a worker blocked in
// time.sleep is Waiting, a worker computing is Running) plus Blocked for the loop.
enum class LaneState : uint8_t {
  Ready,      // in the ready queue: will run when the loop reaches it
  Running,    // executing a step (task), a callback (loop) or code (worker)
  Waiting,    // suspended on an await (task) or sleeping (worker)
  Done,       // returned
  Failed,     // raised
  Cancelled,  // ended by cancellation
  Blocked,    // the loop is stuck in time.sleep: nothing else can run
};
inline constexpr size_t kLaneStateCount = 7;

// The word the legend, tooltips and the GUI show.
constexpr const char* state_name(LaneState s) {
  constexpr const char* names[kLaneStateCount] = {"ready",  "running",   "waiting", "done",
                                                  "failed", "cancelled", "blocked"};
  return names[static_cast<size_t>(s)];
}

// [SECTION] Themes -------------------------------------------------------------------

enum class Theme : uint8_t { Light, Dark };

struct Palette {
  Color background;                             // window / SVG canvas
  Color panel;                                  // alternate lane stripes, panels
  Color text;                                   // lane labels, narration
  Color text_muted;                             // axis numbers, secondary labels
  Color grid;                                   // axis ticks and grid lines
  Color outline;                                // border of every filled segment
  Color flow;                                   // arrows from a completion to the waiter's wake-up
  Color cursor;                                 // the GUI's current-step marker
  std::array<Color, kLaneStateCount> state;     // fill per LaneState
  std::array<Color, kLaneStateCount> on_state;  // text drawn on top of that fill
  std::array<Color, 8> lane;  // per-task accent (print markers, flows), cycled by task id

  constexpr Color of(LaneState s) const { return state[static_cast<size_t>(s)]; }
  constexpr Color text_on(LaneState s) const { return on_state[static_cast<size_t>(s)]; }
  constexpr Color lane_color(uint32_t task_id) const { return lane[task_id % lane.size()]; }
};

// Fills, in LaneState order: ready orange, running bluish green, waiting sky blue,
// done grey, failed vermillion, cancelled reddish purple, blocked yellow.
inline constexpr Palette kLightPalette = {
    rgb(0xFFFFFF),
    rgb(0xF2F2F2),
    rgb(0x1A1A1A),
    rgb(0x555555),
    rgb(0xC8C8C8),
    rgb(0x333333),
    rgb(0x0072B2),
    rgb(0xD55E00),
    {rgb(0xE69F00), rgb(0x009E73), rgb(0x56B4E9), rgb(0x9A9A9A), rgb(0xD55E00), rgb(0xCC79A7),
     rgb(0xF0E442)},
    {rgb(0x000000), rgb(0xFFFFFF), rgb(0x000000), rgb(0x000000), rgb(0x000000), rgb(0x000000),
     rgb(0x000000)},
    {rgb(0x0072B2), rgb(0xD55E00), rgb(0x009E73), rgb(0xCC79A7), rgb(0xE69F00), rgb(0x56B4E9),
     rgb(0x000000), rgb(0xB8A600)},
};

// Same hues, lifted where the original is too dark to read on a dark background.
inline constexpr Palette kDarkPalette = {
    rgb(0x1C1C1E),
    rgb(0x2A2A2D),
    rgb(0xEDEDED),
    rgb(0xA8A8A8),
    rgb(0x4A4A4E),
    rgb(0xD8D8D8),
    rgb(0x6CC0F0),
    rgb(0xFF8C3A),
    {rgb(0xF0AD1E), rgb(0x1DB889), rgb(0x6EC3F2), rgb(0x8A8A8A), rgb(0xF07021), rgb(0xDB8FB8),
     rgb(0xF0E442)},
    {rgb(0x000000), rgb(0x000000), rgb(0x000000), rgb(0x000000), rgb(0x000000), rgb(0x000000),
     rgb(0x000000)},
    {rgb(0x6CC0F0), rgb(0xF07021), rgb(0x1DB889), rgb(0xDB8FB8), rgb(0xF0AD1E), rgb(0xB5DEF7),
     rgb(0xEDEDED), rgb(0xF0E442)},
};

constexpr const Palette& palette(Theme theme) {
  return theme == Theme::Dark ? kDarkPalette : kLightPalette;
}

}  // namespace looplab::exporter
