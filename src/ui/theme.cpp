#include "theme.hpp"

// Subset Roboto, embedded at build time (CMakeLists.txt, cmake/EmbedBinary.cmake).
extern const unsigned char kFontRegular[];
extern const unsigned int kFontRegular_size;
extern const unsigned char kFontBold[];
extern const unsigned int kFontBold_size;

namespace sw::ui {
namespace {

Fonts g_fonts;

// Light theme; text colours keep at least 4.5:1 contrast on their backgrounds.
const Palette kLight = {
    /*background*/ ImVec4(0.96f, 0.97f, 0.98f, 1),
    /*surface*/ ImVec4(1, 1, 1, 1),
    /*text*/ ImVec4(0.09f, 0.11f, 0.14f, 1),
    /*muted_text*/ ImVec4(0.33f, 0.37f, 0.42f, 1),
    /*accent*/ ImVec4(0.05f, 0.40f, 0.66f, 1),
    /*accent_text*/ ImVec4(1, 1, 1, 1),
    /*ok*/ ImVec4(0.11f, 0.50f, 0.24f, 1),
    /*warn*/ ImVec4(0.66f, 0.40f, 0.00f, 1),
    /*bad*/ ImVec4(0.75f, 0.13f, 0.13f, 1),
};

ImFont* AddFont(const unsigned char* data, unsigned size, float pixels, const ImWchar* ranges = nullptr) {
  ImFontConfig config;
  config.FontDataOwnedByAtlas = false;  // static data: the atlas must not free it
  config.OversampleH = 2;
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

void ApplyStyle(float scale) {
  const Palette& p = kLight;
  ImGuiStyle style;
  ImGui::StyleColorsLight(&style);
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
  style.Colors[ImGuiCol_Border] = ImVec4(0.80f, 0.83f, 0.87f, 1);
  style.Colors[ImGuiCol_FrameBg] = p.surface;
  style.Colors[ImGuiCol_FrameBgHovered] = p.surface;
  style.Colors[ImGuiCol_FrameBgActive] = ImVec4(0.93f, 0.96f, 1, 1);
  style.Colors[ImGuiCol_Button] = ImVec4(0.89f, 0.92f, 0.95f, 1);
  style.Colors[ImGuiCol_ButtonHovered] = ImVec4(0.84f, 0.89f, 0.94f, 1);
  style.Colors[ImGuiCol_ButtonActive] = ImVec4(0.76f, 0.84f, 0.92f, 1);
  style.Colors[ImGuiCol_CheckMark] = p.accent;
  style.Colors[ImGuiCol_SliderGrab] = p.accent;
  style.Colors[ImGuiCol_SliderGrabActive] = p.accent;
  style.Colors[ImGuiCol_Header] = ImVec4(0.89f, 0.92f, 0.95f, 1);
  style.Colors[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
  style.ScaleAllSizes(scale);
  ImGui::GetStyle() = style;
}

const Fonts& GetFonts() { return g_fonts; }
const Palette& GetPalette() { return kLight; }

}  // namespace sw::ui
