#pragma once
// Fonts, colours and sizes. Everything is laid out in CSS px times `scale` (devicePixelRatio
// x text size), and fonts are rasterised at that scale so text is crisp on any phone.
#include <imgui.h>

namespace sw::ui {

struct Fonts {
  ImFont* body = nullptr;     // 16 CSS px
  ImFont* heading = nullptr;  // 22 CSS px, bold
  ImFont* small = nullptr;    // 13 CSS px
  ImFont* big = nullptr;      // 64 CSS px digits, for live numbers
};

struct Palette {
  ImVec4 background, surface, text, muted_text, accent, accent_text, ok, warn, bad;
};

// Rebuilds the font atlas for `scale`; the caller uploads it to the GPU.
void BuildFonts(float scale);
// Resets ImGui's style to the app's theme at `scale`.
void ApplyStyle(float scale);

const Fonts& GetFonts();
const Palette& GetPalette();

}  // namespace sw::ui
