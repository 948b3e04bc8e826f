#pragma once
// Small cards about the article's habits, for Home and the Guide screen: the see-a-doctor advice,
// this week's hip and core sessions, how many recent runs had a warm-up and cool-down, and the
// rest-day advice after a run streak. Each reads frame.state only; tapping one opens the Guide
// page it belongs to.
#include <imgui.h>

#include <string>

#include "core/model/model.hpp"
#include "format.hpp"
#include "guide_screen.hpp"
#include "ui_frame.hpp"
#include "widgets.hpp"

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

// The shared drawing helpers these cards use (CardBegin, ProgressBar, ToggleButton, ...) are in
// widgets.hpp; DayLabel and the other date texts are in format.hpp.

}  // namespace sw::ui
