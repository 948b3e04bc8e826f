#pragma once
// The article's see-a-doctor rule over the pain log, and the training context around a pain entry.
// Guidance, not diagnosis: the UI shows kNotADiagnosis (guide_content.hpp) next to any advice.
//
// The rule, precisely (API.md "pain.see_doctor"; tests in tests/unit/pain_rules_test.cpp):
//  - Only entries dated within the last kPainWindowDays days (today and the 13 days before) count;
//    entries dated after today are ignored.
//  - Entries are grouped per body area, never across areas. Within an area, left and right are
//    separate tracks; "both" and "none" (no side given) belong to every track of that area. An area
//    with no left/right entry at all forms one track.
//  - An episode is a run of entries in one track, in date order, where each painful entry
//    (severity >= 1) is at most kEpisodeMaxGapDays after the previous one, so one missed day inside
//    a streak does not break it. A severity-0 entry means "pain gone": it ends the episode, and its
//    flags are ignored.
//  - An episode is current when it was not ended by a 0 entry and its last entry is at most
//    kEpisodeMaxGapDays before today.
//  - See a doctor when a current episode
//      a) spans >= kLastingDays calendar days (first to last entry, inclusive): "lasts more than a
//         few days", or
//      b) has worse_with_activity on any of its entries, or
//      c) has changes_gait on any of its entries.
//    A single mild day without flags is never enough; neither is severity alone.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/model.hpp"

namespace sw {

inline constexpr int kPainWindowDays = 14;
inline constexpr int kEpisodeMaxGapDays = 2;
inline constexpr int kLastingDays = 4;

enum class PainReason { Lasting, WorseWithActivity, ChangesGait };

// Every area in "area order" (foot up to the lower back, then other): how advice and the pain
// page's list are ordered.
inline constexpr PainArea kPainAreas[] = {PainArea::Foot,  PainArea::Heel, PainArea::Ankle,     PainArea::Achilles,
                                          PainArea::Shin,  PainArea::Calf, PainArea::Knee,      PainArea::Hamstring,
                                          PainArea::Hip,   PainArea::LowerBack, PainArea::Other};

// The latest episode of one track (an area plus a side) within the window.
struct PainEpisode {
  PainArea area = PainArea::Other;
  BodySide side = BodySide::None;  // Left/Right for split tracks; else Both if every entry said so
  Date first_date;
  Date last_date;
  int days = 0;               // first to last entry, inclusive
  int entries = 0;            // painful entries (severity >= 1)
  int latest_severity = 0;    // of the last painful entry
  int max_severity = 0;
  bool worse_with_activity = false;
  bool changes_gait = false;
  bool resolved = false;      // a severity-0 entry came after it
  std::optional<Date> resolved_date;
  bool current = false;
  bool see_doctor = false;
};

struct PainFinding {
  PainReason reason;
  PainArea area;
  BodySide side;
  std::string text;  // plain words, e.g. "Left knee pain has lasted 4 days (since 2026-11-20)."
};

struct PainAdvice {
  bool see_doctor = false;
  std::vector<PainFinding> findings;  // one per reason per track, in area order
  std::vector<std::string> reasons;   // findings' texts, for state().pain.reasons
  std::vector<PainEpisode> episodes;  // latest episode per track, in area order then left/right
};

PainAdvice EvaluatePain(const Model& model, Date today);

// Labels for the UI and the advice texts: "Knee", "Lower back"; "left", "right", "both sides", "".
std::string_view PainAreaLabel(PainArea area);
std::string_view BodySideLabel(BodySide side);
// "Left knee pain", "Lower back pain", "Knee pain (both sides)", "Pain in another area".
std::string PainName(PainArea area, BodySide side);

// What the runner was doing around a pain entry's date, so the UI can say "in the 7 days up to
// this date you ran 42 km, mostly in <shoe>".
struct PainContext {
  std::optional<Id> run_id;          // latest run on or before the date
  std::optional<Date> run_date;
  std::optional<Id> shoe_id;         // that run's shoe, if it had one
  std::string shoe_name;             // "" without a shoe (or a shoe since deleted)
  double load_7d_m = 0;              // run distance in the 7 days ending on the date, inclusive
  double weekly_avg_28d_m = 0;       // run distance in the 28 days ending on the date, / 4
  std::optional<double> load_ratio;  // load_7d_m / weekly_avg_28d_m; none when the average is 0
};

PainContext PainContextFor(const Model& model, Date date);

}  // namespace sw
