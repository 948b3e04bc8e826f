#pragma once
// Touch-sized wrappers over ImGui widgets. Each records its rectangle and label so a tap on a
// text field can open the phone keyboard and browser tests can find what to tap.
#include <imgui.h>

#include <string>

#include "ui_frame.hpp"

namespace sw::ui {

// Minimum touch target: 44 CSS px.
inline constexpr float kTouchTargetCss = 44.0f;

bool Button(UiFrame& frame, const char* label, ImVec2 size_css = {0, 0});
// select_all: the first tap selects the whole text, so typing replaces it (dates, whose text is
// always there already: a caret where the finger lands would splice "2026-11260").
bool TextField(UiFrame& frame, const char* label, std::string& value, bool numeric, bool select_all = false);
bool Slider(UiFrame& frame, const char* label, float* value, float min, float max, const char* format);
bool Checkbox(UiFrame& frame, const char* label, bool* value);

// Text helpers in the theme's fonts.
void Heading(const char* text);
void Paragraph(const char* text);
// One line of small muted text, not wrapped (a field's caption).
void Caption(const char* text);
void SmallText(const char* text);

// Records the last ImGui item under `label`.
void RecordLastItem(UiFrame& frame, const char* label, const char* kind, std::string value = {},
                    bool numeric = false);

}  // namespace sw::ui
