#pragma once
// Shared bits for the shoe and load screens: a horizontal bar (shoe life, this week against its
// cap), status pills, and the words and colours a shoe's status is shown with.
#include <imgui.h>

#include <string>

#include "core/model/model.hpp"
#include "core/rules/shoe_rules.hpp"
#include "ui_frame.hpp"

namespace sw::ui {

// A rounded track filled to `fraction` (clamped 0..1) in `color`; `marker` (0..1, or < 0 for
// none) draws a vertical tick, e.g. a cap. Takes the full available width, `height_css` tall.
void ProgressBar(UiFrame& frame, float fraction, ImVec4 color, float height_css = 8, float marker = -1);

// A small filled label ("Replace", "Default") drawn on the current line at the cursor.
void Pill(UiFrame& frame, const char* text, ImVec4 fill, ImVec4 text_color);
// The width a Pill with `text` takes, in pixels.
float PillWidth(UiFrame& frame, const char* text);

ImVec4 StatusColor(ShoeStatus status);
// The word shown beside the bar, so status never rests on colour alone.
const char* StatusWord(ShoeStatus status);

// "in ~5 days", "in ~6 weeks", "about Mar 2027".
std::string ProjectionText(Date when, Date today);
// "Tue 3 Mar" (the year added when it is not `today`'s year).
std::string ShortDate(Date date, Date today);
// Shoe distances: whole units from 100 up, one decimal below ("5.2 km", "312 km").
std::string ShoeDistanceText(double metres, Units units);

}  // namespace sw::ui
