#pragma once
// Weekly load on screen: this week against its 10% cap, the 12-week bar chart (drawn with
// ImDrawList, never a list of numbers) and the second opinions: single-run spike, ACWR, streak.
#include <imgui.h>

#include <string>

#include "core/rules/load_rules.hpp"
#include "ui_frame.hpp"

namespace sw::ui {

// "This week 18.2 km / cap 22.0 km" with a bar and the cap as a tick, then last week's figure.
void DrawWeekGlance(UiFrame& frame, const LoadSummary& load, Units units);
// The last 12 weeks as bars, this week highlighted, the cap as a dashed line.
void DrawLoadChart(UiFrame& frame, const LoadSummary& load, Units units, float height_css = 150);
// The whole section: chart, spike, ACWR, streak and a plain note on the evidence.
void DrawWeeklyLoad(UiFrame& frame, const LoadSummary& load, Units units);
// Short text for a run streak worth a rest day (empty below 4 days).
std::string StreakWarning(int days);

}  // namespace sw::ui
