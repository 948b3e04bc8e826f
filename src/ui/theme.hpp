#pragma once
// Fonts, colours and sizes. Everything is laid out in CSS px times `scale` (devicePixelRatio
// x text size), and fonts are rasterised at that scale so text is crisp on any phone.
#include <imgui.h>

#include "theme_colors.hpp"

namespace sw::ui {

struct Fonts {
  ImFont* body = nullptr;     // 16 CSS px
  ImFont* heading = nullptr;  // 22 CSS px, bold
  ImFont* small = nullptr;    // 13 CSS px
  ImFont* big = nullptr;      // 64 CSS px digits, for live numbers
};

// ThemeColors (theme_colors.hpp) as ImGui colours; the fields mean the same.
struct Palette {
  ImVec4 background, surface, text, muted_text, accent, accent_text, ok, warn, bad;
  ImVec4 border, control_border, button, button_hovered, button_active, field_active, track, figure_fill, figure_line;
  bool dark = false;
};

// Rebuilds the font atlas for `scale`; the caller uploads it to the GPU.
void BuildFonts(float scale);
// Resets ImGui's style to the light or dark theme at `scale`; GetPalette() follows.
void ApplyStyle(float scale, bool dark);

const Fonts& GetFonts();
const Palette& GetPalette();

}  // namespace sw::ui
