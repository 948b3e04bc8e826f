#include "theme.hpp"

#include <algorithm>
#include <cmath>

// Subset Roboto, embedded at build time (CMakeLists.txt, cmake/EmbedBinary.cmake).
extern const unsigned char kFontRegular[];
extern const unsigned int kFontRegular_size;
extern const unsigned char kFontBold[];
extern const unsigned int kFontBold_size;

namespace sw::ui {
namespace {

Fonts g_fonts;

Palette g_palette;

ImVec4 V(Rgba c) { return ImVec4(c.r, c.g, c.b, c.a); }

Palette ToPalette(const ThemeColors& c, bool dark) {
  return {V(c.background), V(c.surface), V(c.text), V(c.muted_text), V(c.accent), V(c.accent_text), V(c.ok),
          V(c.warn), V(c.bad), V(c.border), V(c.control_border), V(c.button), V(c.button_hovered), V(c.button_active),
          V(c.field_active), V(c.track), V(c.figure_fill), V(c.figure_line), dark};
}

ImFont* AddFont(const unsigned char* data, unsigned size, float pixels, const ImWchar* ranges = nullptr) {
  ImFontConfig config;
  config.FontDataOwnedByAtlas = false;  // static data: the atlas must not free it
  // Horizontal oversampling sharpens small glyphs placed at fractional positions; at phone sizes
  // (16 CSS px x DPR 2-3 = 32-48 px and up) it only doubles the start-up baking time.
  config.OversampleH = pixels >= 30 ? 1 : 2;
  config.OversampleV = 1;
  config.PixelSnapH = false;
  return ImGui::GetIO().Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(data), int(size), pixels,
                                                    &config, ranges);
}

}  // namespace

void BuildFonts(float scale) {
  static const ImWchar kTextRanges[] = {0x0020, 0x00FF, 0x2013, 0x2026, 0x2190, 0x2193, 0x2212, 0x2212,
                                        0x2248, 0x2248, 0x2264, 0x2265, 0x2713, 0x2713, 0};
  static const ImWchar kDigitRanges[] = {0x0020, 0x0020, 0x002D, 0x0039, 0x2013, 0x2013, 0};
  ImFontAtlas* atlas = ImGui::GetIO().Fonts;
  atlas->Clear();
  g_fonts.body = AddFont(kFontRegular, kFontRegular_size, 16.0f * scale, kTextRanges);
  g_fonts.heading = AddFont(kFontBold, kFontBold_size, 22.0f * scale, kTextRanges);
  g_fonts.small = AddFont(kFontRegular, kFontRegular_size, 13.0f * scale, kTextRanges);
  g_fonts.big = AddFont(kFontBold, kFontBold_size, 64.0f * scale, kDigitRanges);
  atlas->Build();
}

void ApplyStyle(float scale, bool dark) {
  g_palette = ToPalette(dark ? kDarkColors : kLightColors, dark);
  const Palette& p = g_palette;
  ImGuiStyle style;
  if (dark) ImGui::StyleColorsDark(&style); else ImGui::StyleColorsLight(&style);
  style.WindowPadding = ImVec2(16, 12);
  style.FramePadding = ImVec2(12, 10);
  style.ItemSpacing = ImVec2(10, 10);
  style.ItemInnerSpacing = ImVec2(8, 6);
  style.ScrollbarSize = 6;
  style.GrabMinSize = 24;
  style.WindowRounding = 0;
  style.ChildRounding = 10;
  style.FrameRounding = 10;
  style.GrabRounding = 10;
  style.ScrollbarRounding = 3;
  style.WindowBorderSize = 0;
  style.ChildBorderSize = 0;
  style.FrameBorderSize = 1;
  style.TouchExtraPadding = ImVec2(2, 2);
  style.Colors[ImGuiCol_WindowBg] = p.background;
  style.Colors[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
  style.Colors[ImGuiCol_Text] = p.text;
  style.Colors[ImGuiCol_TextDisabled] = p.muted_text;
  // ImGui draws this around every framed control (field, checkbox, slider, button).
  style.Colors[ImGuiCol_Border] = p.control_border;
  style.Colors[ImGuiCol_FrameBg] = p.surface;
  style.Colors[ImGuiCol_FrameBgHovered] = p.surface;
  style.Colors[ImGuiCol_FrameBgActive] = p.field_active;
  style.Colors[ImGuiCol_Button] = p.button;
  style.Colors[ImGuiCol_ButtonHovered] = p.button_hovered;
  style.Colors[ImGuiCol_ButtonActive] = p.button_active;
  style.Colors[ImGuiCol_CheckMark] = p.accent;
  style.Colors[ImGuiCol_SliderGrab] = p.accent;
  style.Colors[ImGuiCol_SliderGrabActive] = p.accent;
  style.Colors[ImGuiCol_Header] = p.button;
  style.Colors[ImGuiCol_HeaderHovered] = p.button_hovered;
  style.Colors[ImGuiCol_HeaderActive] = p.button_active;
  style.Colors[ImGuiCol_ScrollbarGrab] = p.border;
  style.Colors[ImGuiCol_TextSelectedBg] = ImVec4(p.accent.x, p.accent.y, p.accent.z, 0.35f);
  style.Colors[ImGuiCol_PopupBg] = p.surface;
  style.Colors[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
  style.ScaleAllSizes(scale);
  // ScaleAllSizes leaves border widths alone: one device pixel is a third of a CSS pixel on a
  // DPR-3 phone and antialiases into a faint, broken line. Keep outlines 1 CSS px and solid.
  style.FrameBorderSize = std::max(1.0f, std::round(scale));
  ImGui::GetStyle() = style;
}

const Fonts& GetFonts() { return g_fonts; }
const Palette& GetPalette() { return g_palette; }

}  // namespace sw::ui
