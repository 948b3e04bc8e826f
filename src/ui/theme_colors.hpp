#pragma once
// The app's two colour schemes as plain data (no ImGui), so the unit tests can check every text
// colour against the backgrounds it is drawn on (WCAG 2 contrast, at least 4.5:1).
#include <algorithm>
#include <cmath>

namespace sw::ui {

struct Rgba {
  float r = 0, g = 0, b = 0, a = 1;
};

struct ThemeColors {
  Rgba background;     // the page behind everything
  Rgba surface;        // cards, text fields
  Rgba text;           // body text
  Rgba muted_text;     // captions, hints
  Rgba accent;         // the main action, selected choices, links
  Rgba accent_text;    // text on an accent (or ok / warn / bad) fill
  Rgba ok, warn, bad;  // status: used as text colours and as pill fills
  Rgba border;         // decorative lines between parts of the page (not text, not controls)
  Rgba control_border; // outline of every checkbox, text field, slider and button: 3:1 on what it sits on
  Rgba button, button_hovered, button_active;  // plain buttons, with `text` on them
  Rgba field_active;   // a text field being edited
  Rgba track;          // the empty part of progress bars
  Rgba figure_fill, figure_line;  // the body outline of the pain log
};

constexpr Rgba Hex(unsigned rgb) {
  return {float((rgb >> 16) & 0xFF) / 255.0f, float((rgb >> 8) & 0xFF) / 255.0f, float(rgb & 0xFF) / 255.0f, 1};
}

inline constexpr ThemeColors kLightColors = {
    .background = Hex(0xF5F7FA),
    .surface = Hex(0xFFFFFF),
    .text = Hex(0x171C24),
    .muted_text = Hex(0x545E6B),
    .accent = Hex(0x0D66A8),
    .accent_text = Hex(0xFFFFFF),
    .ok = Hex(0x1C7F3D),
    .warn = Hex(0x8F5600),
    .bad = Hex(0xBF2121),
    .border = Hex(0xCCD4DE),
    .control_border = Hex(0x77828F),
    .button = Hex(0xE3EBF2),
    .button_hovered = Hex(0xD6E3F0),
    .button_active = Hex(0xC2D6EB),
    .field_active = Hex(0xEDF5FF),
    .track = Hex(0xDBE3EB),
    .figure_fill = Hex(0xDBE3ED),
    .figure_line = Hex(0x9EADC2),
};

inline constexpr ThemeColors kDarkColors = {
    .background = Hex(0x111418),
    .surface = Hex(0x1C2128),
    .text = Hex(0xE8ECF1),
    .muted_text = Hex(0xA6B0BD),
    .accent = Hex(0x62AEEA),
    .accent_text = Hex(0x0A1824),
    .ok = Hex(0x5DC98B),
    .warn = Hex(0xF0B54A),
    .bad = Hex(0xFF8A80),
    .border = Hex(0x3A424D),
    .control_border = Hex(0x768293),
    .button = Hex(0x2A313A),
    .button_hovered = Hex(0x323A45),
    .button_active = Hex(0x3D4654),
    .field_active = Hex(0x1F2B38),
    .track = Hex(0x343C47),
    .figure_fill = Hex(0x2A313A),
    .figure_line = Hex(0x6C7786),
};

// WCAG 2 relative luminance and contrast ratio (1 to 21) of two opaque colours.
inline double RelativeLuminance(Rgba c) {
  auto channel = [](double v) { return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
  return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}

inline double ContrastRatio(Rgba a, Rgba b) {
  double la = RelativeLuminance(a), lb = RelativeLuminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

}  // namespace sw::ui
