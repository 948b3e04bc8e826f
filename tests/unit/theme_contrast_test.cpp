#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

#include "ui/theme_colors.hpp"

using namespace sw::ui;

namespace {

struct Pair {
  const char* what;
  Rgba fg, bg;
};

// Every text colour the screens use, on every fill it is drawn on.
std::vector<Pair> TextPairs(const ThemeColors& c) {
  std::vector<Pair> pairs;
  for (auto [name, bg] : {std::pair{"background", c.background}, std::pair{"surface", c.surface}}) {
    for (auto [fg_name, fg] : {std::pair{"text", c.text}, std::pair{"muted_text", c.muted_text},
                               std::pair{"accent", c.accent}, std::pair{"ok", c.ok}, std::pair{"warn", c.warn},
                               std::pair{"bad", c.bad}})
      pairs.push_back({fg_name, fg, bg});
    (void)name;
  }
  for (Rgba fill : {c.accent, c.ok, c.warn, c.bad}) pairs.push_back({"accent_text on a status or accent fill", c.accent_text, fill});
  for (Rgba fill : {c.button, c.button_hovered, c.button_active, c.field_active})
    pairs.push_back({"text on a button or active field", c.text, fill});
  return pairs;
}

Rgba Mix(Rgba a, Rgba b, float t) {
  return {a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t, 1};
}

// What a control can sit on: the page, a card, and the tinted notice cards (shell.cpp,
// guidance_cards.cpp mix 7-8% of a status colour into the surface).
std::vector<std::pair<const char*, Rgba>> ControlBackdrops(const ThemeColors& c) {
  return {{"background", c.background},
          {"surface", c.surface},
          {"red notice card", Mix(c.surface, c.bad, 0.07f)},
          {"amber notice card", Mix(c.surface, c.warn, 0.08f)}};
}

}  // namespace

TEST_CASE("WCAG contrast: black on white is 21, a colour on itself is 1", "[theme]") {
  CHECK(ContrastRatio(Hex(0x000000), Hex(0xFFFFFF)) == Approx(21.0));
  CHECK(ContrastRatio(Hex(0x0D66A8), Hex(0x0D66A8)) == Approx(1.0));
  CHECK(ContrastRatio(Hex(0x767676), Hex(0xFFFFFF)) == Approx(4.54).epsilon(0.01));  // the known 4.5:1 grey
}

TEST_CASE("every text colour keeps at least 4.5:1 on what it is drawn on, light and dark", "[theme]") {
  for (auto [theme, colors] : {std::pair{"light", kLightColors}, std::pair{"dark", kDarkColors}}) {
    for (const Pair& p : TextPairs(colors)) {
      double ratio = ContrastRatio(p.fg, p.bg);
      INFO(theme << ": " << p.what << " " << ratio);
      CHECK(ratio >= 4.5);
    }
  }
}

// WCAG 1.4.11: a control's bounds must stand out at 3:1 from what surrounds it. Checkboxes, text
// fields and sliders are filled with `surface`, the same as a card, and plain buttons nearly so,
// so their outline (`control_border`, drawn around every framed control) is what must show.
TEST_CASE("every control's outline keeps at least 3:1 on what it sits on, light and dark", "[theme]") {
  for (auto [theme, colors] : {std::pair{"light", kLightColors}, std::pair{"dark", kDarkColors}}) {
    for (auto [backdrop, fill] : ControlBackdrops(colors)) {
      double ratio = ContrastRatio(colors.control_border, fill);
      INFO(theme << ": control outline on " << backdrop << " " << ratio);
      CHECK(ratio >= 3.0);
    }
  }
}

TEST_CASE("the dark theme is dark and the light one light", "[theme]") {
  CHECK(RelativeLuminance(kDarkColors.background) < 0.02);
  CHECK(RelativeLuminance(kLightColors.background) > 0.9);
  CHECK(RelativeLuminance(kDarkColors.text) > RelativeLuminance(kDarkColors.background));
}
