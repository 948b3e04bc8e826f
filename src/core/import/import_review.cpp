#include "core/import/import_review.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "core/model/dates.hpp"
#include "core/model/validation.hpp"
#include "core/model/sort_by_key.hpp"

namespace sw::import {

namespace {

constexpr auto kSameStartWithin = std::chrono::minutes{5};
constexpr double kSameDistanceWithin = 0.02;
constexpr int kRetiredGraceDays = 30;

bool SameDistance(double a, double b) { return std::abs(a - b) <= kSameDistanceWithin * std::max(a, b); }

bool SameStart(std::chrono::sys_seconds a, std::chrono::sys_seconds b) {
  auto gap = a > b ? a - b : b - a;
  return gap <= kSameStartWithin;
}

// Two records of one workout: the same start (when both know it) or, when either was typed
// without a time, the same day; and the same distance within 2 %.
bool SameWorkout(std::optional<std::chrono::sys_seconds> start_a, Date date_a, double distance_a,
                 std::optional<std::chrono::sys_seconds> start_b, Date date_b, double distance_b) {
  if (!SameDistance(distance_a, distance_b)) return false;
  if (start_a && start_b) return SameStart(*start_a, *start_b);
  return date_a == date_b;
}

// What keeps a row from becoming a run, in the review's words ("" when it can be saved).
std::string CannotSave(const ImportRow& row) {
  if (!row.date) return "The file has no date.";
  if (!row.activity.distance_m) return "The file has no distance.";
  if (!CheckRunDistance(*row.activity.distance_m).empty()) return "Its distance is outside what the log takes (10 m to 300 km).";
  return {};
}

// A file's text as a run's source keeps it: valid UTF-8 (else only its ASCII), at most 200 bytes
// cut between characters, so the stored run always reads back.
std::string SourceText(std::string text) {
  if (!IsValidUtf8(text)) std::erase_if(text, [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
  if (text.size() > 200) {
    std::size_t cut = 200;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    text.resize(cut);
  }
  return text;
}

// The first and last day each pair was used, from the log.
struct ShoeUse {
  Date first, last;
};

}  // namespace

bool TickedByDefault(const ImportRow& row) {
  return IsRunningSport(row.activity.sport) && row.duplicate == Duplicate::None && row.cannot_save.empty();
}

namespace {

using ShoeUses = std::map<Id, ShoeUse>;

// Each pair's first and last logged run: built once per review, not once per row (two thousand
// rows over ten years of runs would otherwise walk the log two thousand times).
ShoeUses UsesOf(const Model& model) {
  ShoeUses use;
  for (const Run& run : model.runs) {
    if (!run.shoe_id) continue;
    auto [it, fresh] = use.try_emplace(*run.shoe_id, ShoeUse{run.date, run.date});
    if (!fresh) {
      it->second.first = std::min(it->second.first, run.date);
      it->second.last = std::max(it->second.last, run.date);
    }
  }
  return use;
}

std::optional<Id> ShoeInUseOn(const Model& model, const ShoeUses& use, Date date) {
  const Shoe* best = nullptr;
  int best_gap = 0;
  for (const Shoe& shoe : model.shoes) {
    auto found = use.find(shoe.id);
    std::optional<Date> since = shoe.purchase_date;
    if (found != use.end() && (!since || found->second.first < *since)) since = found->second.first;
    if (since && date < *since) continue;  // not bought yet
    // A retired pair was in use up to its last logged run, and perhaps a few weeks more (runs
    // typed only now are exactly the ones missing from the log).
    if (shoe.retired && (found == use.end() || DaysBetween(found->second.last, date) > kRetiredGraceDays)) continue;
    if (found == use.end()) continue;  // never used: ranked below (default, newest)
    int gap = std::min(std::abs(DaysBetween(found->second.first, date)), std::abs(DaysBetween(found->second.last, date)));
    if (date >= found->second.first && date <= found->second.last) gap = 0;
    if (!best || gap < best_gap) {
      best = &shoe;
      best_gap = gap;
    }
  }
  if (best) return best->id;
  // No pair has a logged run near then: the newest pair bought by that date (the pair a runner
  // had just bought is the one they ran in), else the default pair, else any active pair.
  const Shoe* newest = nullptr;
  for (const Shoe& shoe : model.shoes) {
    if (shoe.retired || !shoe.purchase_date || date < *shoe.purchase_date) continue;
    if (!newest || *newest->purchase_date < *shoe.purchase_date) newest = &shoe;
  }
  if (newest) return newest->id;
  if (model.default_shoe_id) {
    const Shoe* shoe = FindShoe(model, *model.default_shoe_id);
    if (shoe && !shoe->retired && !shoe->purchase_date) return shoe->id;
  }
  for (const Shoe& shoe : model.shoes)
    if (!shoe.retired && !shoe.purchase_date) return shoe.id;
  return std::nullopt;
}

}  // namespace

std::optional<Id> ShoeInUseOn(const Model& model, Date date) { return ShoeInUseOn(model, UsesOf(model), date); }

std::vector<ImportRow> BuildReview(const Model& model, std::vector<ImportedActivity> activities) {
  // The log's runs by day, so each row looks at three days, not ten years.
  std::multimap<int, const Run*> runs_by_day;
  for (const Run& run : model.runs) runs_by_day.emplace(int(Days(run.date).time_since_epoch().count()), &run);

  // Newest first, as the runner's log and the apps they know list runs: those with a start time,
  // then those with only a day, then undated ones; ties keep the files' order.
  SortByKey(activities, SortOrder::Descending, [](const ImportedActivity& a) {
    if (a.start_utc) return OrderKey(2, a.start_utc->time_since_epoch().count());
    if (a.local_date_in_file) return OrderKey(1, DayNumber(*a.local_date_in_file));
    return OrderKey(0, 0);
  });
  std::vector<ImportRow> rows;
  rows.reserve(activities.size());
  std::multimap<int, std::size_t> rows_by_day;  // rows with a date and a distance, by day
  const ShoeUses shoe_uses = UsesOf(model);
  for (ImportedActivity& activity : activities) {
    ImportRow row;
    row.activity = std::move(activity);
    row.date = LocalDate(row.activity, nullptr);
    row.cannot_save = CannotSave(row);
    if (row.date && row.activity.distance_m) {
      const double distance = *row.activity.distance_m;
      const std::optional<std::chrono::sys_seconds> start = row.activity.start_utc;
      int day = int(Days(*row.date).time_since_epoch().count());
      for (auto it = runs_by_day.lower_bound(day - 1); it != runs_by_day.end() && it->first <= day + 1; ++it) {
        const Run& run = *it->second;
        std::optional<std::chrono::sys_seconds> logged_start;
        if (run.source) logged_start = run.source->start_utc;
        if (SameWorkout(start, *row.date, distance, logged_start, run.date, run.distance_m)) {
          row.duplicate = Duplicate::InLog;
          row.duplicate_run_id = run.id;
          break;
        }
      }
      // The same workout twice in the files handed over (both with a recorded start).
      if (row.duplicate == Duplicate::None && start) {
        for (auto it = rows_by_day.lower_bound(day - 1); it != rows_by_day.end() && it->first <= day + 1; ++it) {
          const ImportRow& earlier = rows[it->second];
          if (earlier.activity.start_utc &&
              SameWorkout(start, *row.date, distance, earlier.activity.start_utc, *earlier.date,
                          *earlier.activity.distance_m)) {
            row.duplicate = Duplicate::InBatch;
            break;
          }
        }
      }
      rows_by_day.emplace(day, rows.size());
    }
    row.selected = TickedByDefault(row);
    if (IsRunningSport(row.activity.sport) && row.date) row.shoe_id = ShoeInUseOn(model, shoe_uses, *row.date);
    rows.push_back(std::move(row));
  }
  return rows;
}

Run RunFromRow(const ImportRow& row) {
  const ImportedActivity& a = row.activity;
  Run run;
  run.date = *row.date;
  run.distance_m = *a.distance_m;
  run.shoe_id = row.shoe_id;
  // The time a runner counts for pace is the moving time; a file with only the clock gives that.
  std::optional<double> duration = a.moving_s ? a.moving_s : a.elapsed_s;
  if (duration && CheckDuration(*duration).empty()) run.duration_s = duration;
  if (a.moving_s && CheckDuration(*a.moving_s).empty()) run.moving_s = a.moving_s;
  if (a.elapsed_s && CheckDuration(*a.elapsed_s).empty()) run.elapsed_s = a.elapsed_s;
  if (a.cadence_spm && CheckRunCadence(*a.cadence_spm).empty()) run.cadence_spm = std::round(*a.cadence_spm * 10) / 10;
  RunSource source;
  source.format = a.format;
  source.device = SourceText(a.device);
  source.file = SourceText(a.file);
  source.start_utc = a.start_utc;
  run.source = std::move(source);
  return run;
}

}  // namespace sw::import
