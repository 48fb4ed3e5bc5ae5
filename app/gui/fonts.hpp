#pragma once
// The font atlas. Fonts are rasterised at the current font scale (not magnified), so text
// stays crisp at 3x on a projector; changing the scale rebuilds the atlas between frames.

struct ImFont;

namespace looplab::app {

struct Fonts {
  ImFont* ui = nullptr;    // panels, menus
  ImFont* bold = nullptr;  // headings, lane labels
  ImFont* mono = nullptr;  // source code, console
  ImFont* big = nullptr;   // the toolbar's virtual time and step, readable from the back
  bool fallback = false;   // true when a font file was missing and ImGui's default is used
};

inline constexpr float kBaseFontPixels = 17.0f;
inline constexpr float kMinFontScale = 0.75f;
inline constexpr float kMaxFontScale = 3.0f;

// Clears the atlas and loads the fonts of assets/fonts.txt at `scale`. The caller
// re-uploads the texture (Platform::reload_font_texture) before the next frame.
Fonts build_fonts(float scale);

}  // namespace looplab::app
