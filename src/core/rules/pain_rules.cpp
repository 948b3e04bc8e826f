#include "core/rules/pain_rules.hpp"

#include <algorithm>
#include <cctype>

#include "core/model/dates.hpp"
#include "core/model/sort_by_key.hpp"

namespace sw {
namespace {

bool InTrack(BodySide entry_side, BodySide track_side) {
  // "both" and "none" belong to every track; a split track takes only its own side.
  if (track_side == BodySide::None) return true;
  return entry_side == track_side || entry_side == BodySide::Both || entry_side == BodySide::None;
}

std::string Capitalized(std::string text) {
  if (!text.empty()) text[0] = char(std::toupper((unsigned char)text[0]));
  return text;
}

std::string Lowered(std::string text) {
  if (text.starts_with("Achilles")) return text;  // a name: "your Achilles pain"
  if (!text.empty()) text[0] = char(std::tolower((unsigned char)text[0]));
  return text;
}

// Walks one track's entries (date order) and returns its latest episode, if any pain was logged.
std::optional<PainEpisode> LatestEpisode(const std::vector<const PainEntry*>& entries, PainArea area,
                                         BodySide track_side, Date today) {
  std::optional<PainEpisode> episode;
  bool all_both = true;
  for (const PainEntry* entry : entries) {
    if (entry->severity <= 0) {
      // Pain gone: close the open episode; a 0 with nothing open changes nothing.
      if (episode && !episode->resolved) {
        episode->resolved = true;
        episode->resolved_date = entry->date;
      }
      continue;
    }
    bool continues = episode && !episode->resolved &&
                     DaysBetween(episode->last_date, entry->date) <= kEpisodeMaxGapDays;
    if (!continues) {
      episode = PainEpisode{};
      episode->area = area;
      episode->first_date = entry->date;
      all_both = true;
    }
    episode->last_date = entry->date;
    episode->entries += 1;
    episode->latest_severity = entry->severity;
    episode->max_severity = std::max(episode->max_severity, entry->severity);
    episode->worse_with_activity |= entry->worse_with_activity;
    episode->changes_gait |= entry->changes_gait;
    all_both &= entry->side == BodySide::Both;
  }
  if (!episode) return std::nullopt;
  episode->side = track_side != BodySide::None ? track_side : (all_both ? BodySide::Both : BodySide::None);
  episode->days = DaysBetween(episode->first_date, episode->last_date) + 1;
  episode->current = !episode->resolved && DaysBetween(episode->last_date, today) <= kEpisodeMaxGapDays;
  episode->see_doctor = episode->current && (episode->days >= kLastingDays || episode->worse_with_activity ||
                                             episode->changes_gait);
  return episode;
}

void AddFindings(const PainEpisode& episode, PainAdvice& advice) {
  if (!episode.see_doctor) return;
  std::string name = PainName(episode.area, episode.side);
  auto add = [&](PainReason reason, std::string text) {
    advice.findings.push_back({reason, episode.area, episode.side, std::move(text)});
  };
  if (episode.days >= kLastingDays)
    add(PainReason::Lasting, name + " has lasted " + std::to_string(episode.days) + " days (since " +
                                 FormatDate(episode.first_date) + ").");
  if (episode.worse_with_activity)
    add(PainReason::WorseWithActivity, "Your " + Lowered(name) + " gets worse when you run.");
  if (episode.changes_gait)
    add(PainReason::ChangesGait, "Your " + Lowered(name) + " is changing the way you run.");
}

}  // namespace

std::string_view PainAreaLabel(PainArea area) {
  switch (area) {
    case PainArea::Foot: return "Foot";
    case PainArea::Ankle: return "Ankle";
    case PainArea::Knee: return "Knee";
    case PainArea::Hip: return "Hip";
    case PainArea::LowerBack: return "Lower back";
    case PainArea::Other: return "Other";
    case PainArea::Shin: return "Shin";
    case PainArea::Calf: return "Calf";
    case PainArea::Achilles: return "Achilles";
    case PainArea::Hamstring: return "Hamstring";
    case PainArea::Heel: return "Heel and arch";
  }
  return "Other";
}

std::string_view BodySideLabel(BodySide side) {
  switch (side) {
    case BodySide::Left: return "left";
    case BodySide::Right: return "right";
    case BodySide::Both: return "both sides";
    case BodySide::None: return "";
  }
  return "";
}

std::string PainName(PainArea area, BodySide side) {
  std::string name = area == PainArea::Other ? "pain in another area"
                                             : Lowered(std::string(PainAreaLabel(area))) + " pain";
  if (side == BodySide::Left || side == BodySide::Right) name = std::string(BodySideLabel(side)) + " " + name;
  if (side == BodySide::Both) name += " (both sides)";
  return Capitalized(name);
}

PainAdvice EvaluatePain(const Model& model, Date today) {
  Date window_start = AddDays(today, -(kPainWindowDays - 1));
  std::vector<const PainEntry*> recent;
  for (const PainEntry& entry : model.pain)
    if (Days(entry.date) >= Days(window_start) && Days(entry.date) <= Days(today)) recent.push_back(&entry);
  // Same-day entries keep the order they were logged in (ids grow), so a later "0" ends the day.
  SortByDate(recent, DateOrder::OldestFirst);

  PainAdvice advice;
  for (PainArea area : kPainAreas) {
    bool has_left = false, has_right = false, any = false;
    for (const PainEntry* entry : recent) {
      if (entry->area != area) continue;
      any = true;
      has_left |= entry->side == BodySide::Left;
      has_right |= entry->side == BodySide::Right;
    }
    if (!any) continue;
    std::vector<BodySide> tracks;
    if (has_left) tracks.push_back(BodySide::Left);
    if (has_right) tracks.push_back(BodySide::Right);
    if (tracks.empty()) tracks.push_back(BodySide::None);
    for (BodySide track : tracks) {
      std::vector<const PainEntry*> entries;
      for (const PainEntry* entry : recent)
        if (entry->area == area && InTrack(entry->side, track)) entries.push_back(entry);
      std::optional<PainEpisode> episode = LatestEpisode(entries, area, track, today);
      if (!episode) continue;
      AddFindings(*episode, advice);
      advice.see_doctor |= episode->see_doctor;
      advice.episodes.push_back(*episode);
    }
  }
  for (const PainFinding& finding : advice.findings)
    if (std::find(advice.reasons.begin(), advice.reasons.end(), finding.text) == advice.reasons.end())
      advice.reasons.push_back(finding.text);
  return advice;
}

PainContext PainContextFor(const Model& model, Date date) {
  PainContext context;
  const Run* latest = nullptr;
  double load_28d_m = 0;
  for (const Run& run : model.runs) {
    int days_before = DaysBetween(run.date, date);
    if (days_before < 0) continue;
    if (days_before < 7) context.load_7d_m += run.distance_m;
    if (days_before < 28) load_28d_m += run.distance_m;
    if (!latest || Days(run.date) > Days(latest->date) || (run.date == latest->date && run.id > latest->id))
      latest = &run;
  }
  context.weekly_avg_28d_m = load_28d_m / 4;
  if (context.weekly_avg_28d_m > 0) context.load_ratio = context.load_7d_m / context.weekly_avg_28d_m;
  if (!latest) return context;
  context.run_id = latest->id;
  context.run_date = latest->date;
  context.shoe_id = latest->shoe_id;
  if (latest->shoe_id)
    for (const Shoe& shoe : model.shoes)
      if (shoe.id == *latest->shoe_id) context.shoe_name = shoe.name;
  return context;
}

}  // namespace sw
