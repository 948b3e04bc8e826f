#pragma once
// The state() snapshot's derived shoe fields and its "load" part (API.md), built from
// shoe_rules / load_rules. StateToJson calls these; nothing here is stored.
#include <nlohmann/json.hpp>

#include "core/rules/history_rules.hpp"
#include "core/rules/load_rules.hpp"
#include "core/rules/shoe_rules.hpp"

namespace sw {

// Adds { distance_m, runs, status, life_used, wear_flagged, projected_replace_date? } to one
// shoe's JSON object (the stored fields come from model_json's ShoeToJson).
void AddDerivedShoeFields(nlohmann::json& shoe_json, const ShoeSummary& summary);
// Adds the derived fields to every shoe of `shoes_json` (an array of shoe objects with "id"),
// matching by id; a shoe of the model missing from the array is appended as {id, ...derived}.
// So it works whether the stored fields were written before it or not.
void AddDerivedShoesFields(nlohmann::json& shoes_json, const std::vector<ShoeSummary>& summaries);
// The same with SummarizeShoes(model, today).
void AddDerivedShoesFields(nlohmann::json& shoes_json, const Model& model, Date today);

// { this_week_m, last_week_m, this_week_max_m, ten_percent_exceeded, week_start,
//   longest_run_30d_m, spike_warning, spike?: {run_id, date, run_m, previous_longest_m,
//   percent_over, band}, acwr: number|null, acwr_band: string|null, consecutive_run_days,
//   weeks: [{start, m}] (12, oldest first) }
nlohmann::json LoadToJson(const LoadSummary& load);

// { months: [{month: "YYYY-MM", distance_m, runs, duration_s}], years: [{year, distance_m, runs,
//   duration_s}] }, newest first (API.md's state().history).
nlohmann::json HistoryToJson(const HistorySummary& history);

}  // namespace sw
