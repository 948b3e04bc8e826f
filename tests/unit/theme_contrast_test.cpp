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

TEST_CASE("the dark theme is dark and the light one light", "[theme]") {
  CHECK(RelativeLuminance(kDarkColors.background) < 0.02);
  CHECK(RelativeLuminance(kLightColors.background) > 0.9);
  CHECK(RelativeLuminance(kDarkColors.text) > RelativeLuminance(kDarkColors.background));
}
