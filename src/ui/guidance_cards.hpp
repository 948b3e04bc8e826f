#pragma once
// Small cards about the article's habits, for Home and the Guide screen: the see-a-doctor advice,
// this week's hip and core sessions, how many recent runs had a warm-up and cool-down, and the
// rest-day advice after a run streak. Each reads frame.state only; tapping one opens the Guide
// page it belongs to.
#include <imgui.h>

#include <string>

#include "core/model/model.hpp"
#include "guide_screen.hpp"
#include "ui_frame.hpp"

namespace sw::ui {

// [SECTION] Cards for Home (and the Guide's own pages)

// The prominent "see a doctor" card when the pain rule says so (nothing otherwise). `detailed`
// adds the training context around each episode (shoe, recent load); Home passes false and gets
// a short card with a button to the pain log. Returns whether it drew anything.
bool DrawPainAdviceCard(UiFrame& frame, bool detailed = false);
// "Hip and core: 1 of 2 sessions this week" with a bar; tapping opens the routine.
void DrawStrengthProgress(UiFrame& frame);
// "Warm-up and cool-down: 3 of the last 10 runs had both" with a bar; tapping opens the checklist.
void DrawWarmupStats(UiFrame& frame);
// The FAQ's answer to "should I run every day?" once the run streak reaches kRestDayStreak days
// (nothing otherwise). Returns whether it drew anything.
bool DrawRestDayCard(UiFrame& frame);

// Navigates to the Guide screen showing `page` (Home's cards use it).
void OpenGuidePage(UiFrame& frame, GuidePage page);
// The page asked for by OpenGuidePage, once (GuideScreen::Draw takes it).
std::optional<GuidePage> TakeRequestedGuidePage();
// Home: a gentle reminder to export a backup, 30 days after the last one (or the first run) once
// runs have been logged since; false when none is due.
bool DrawBackupReminderCard(UiFrame& frame);
// Navigates to the Guide scrolled to the research behind the warnings (Home's "Why these
// signals?": the citations live there, not on Home).
void OpenGuideEvidence(UiFrame& frame);
// Whether OpenGuideEvidence asked for it, once.
bool TakeGuideEvidenceRequest();

// [SECTION] Shared drawing helpers of the guidance screens

// `a` moved towards `b` by `t` (0..1), opaque: a card's tint of a status colour.
ImVec4 Mix(ImVec4 a, ImVec4 b, float t);
// A rounded card behind everything drawn between CardBegin and CardEnd (not nestable: it splits
// the draw list into channels). `border` alpha 0 for none.
void CardBegin(UiFrame& frame);
void CardEnd(UiFrame& frame, ImVec4 fill, ImVec4 border = ImVec4(0, 0, 0, 0), float border_css = 1.5f);
// A full-width bar filled to `fraction` in `color`.
void FractionBar(UiFrame& frame, float fraction, ImVec4 color, float height_css = 8);
// A button drawn filled with the accent colour when `selected`.
bool ToggleButton(UiFrame& frame, const char* label, bool selected, float width_px, float height_css = 44);
// A button in the accent colour for the main action of a section.
bool PrimaryButton(UiFrame& frame, const char* label, float width_px = -1);
// Wrapped text in `color`.
void ColoredText(ImVec4 color, const char* text);
// "Tue 10 Mar"; the year added when it differs from `today`'s.
std::string DayLabel(Date date, Date today);

}  // namespace sw::ui
