#include "core/rules/rules_state_json.hpp"

#include <cstdio>

#include "core/model/dates.hpp"

namespace sw {

using nlohmann::json;

void AddDerivedShoeFields(json& shoe_json, const ShoeSummary& summary) {
  shoe_json["distance_m"] = summary.distance_m;
  shoe_json["runs"] = summary.runs;
  shoe_json["status"] = ShoeStatusId(summary.status);
  shoe_json["life_used"] = summary.life_used;
  shoe_json["wear_flagged"] = summary.wear_flagged;
  auto date_or_null = [](const std::optional<Date>& date) { return date ? json(FormatDate(*date)) : json(nullptr); };
  shoe_json["first_run"] = date_or_null(summary.first_run);
  shoe_json["last_run"] = date_or_null(summary.last_run);
  if (!shoe_json.contains("retired_on")) shoe_json["retired_on"] = nullptr;  // stored when known
  if (summary.projected_replace_date)
    shoe_json["projected_replace_date"] = FormatDate(*summary.projected_replace_date);
  else
    shoe_json.erase("projected_replace_date");
}

void AddDerivedShoesFields(json& shoes_json, const std::vector<ShoeSummary>& summaries) {
  if (!shoes_json.is_array()) shoes_json = json::array();
  for (const ShoeSummary& summary : summaries) {
    json* target = nullptr;
    for (json& shoe_json : shoes_json)
      if (shoe_json.is_object() && shoe_json.contains("id") && shoe_json["id"].is_number_integer() &&
          shoe_json["id"].get<Id>() == summary.id)
        target = &shoe_json;
    if (!target) {
      shoes_json.push_back({{"id", summary.id}});
      target = &shoes_json.back();
    }
    AddDerivedShoeFields(*target, summary);
  }
}

void AddDerivedShoesFields(json& shoes_json, const Model& model, Date today) {
  AddDerivedShoesFields(shoes_json, SummarizeShoes(model, today));
}

json HistoryToJson(const HistorySummary& history) {
  auto totals = [](const PeriodTotals& t) {
    return json{{"distance_m", t.distance_m}, {"runs", t.runs}, {"duration_s", t.duration_s}};
  };
  json months = json::array(), years = json::array();
  for (const PeriodTotals& t : history.months) {
    char month[8];
    std::snprintf(month, sizeof month, "%04d-%02u", int(t.year), unsigned(t.month));
    json entry = {{"month", month}};
    entry.update(totals(t));
    months.push_back(std::move(entry));
  }
  for (const PeriodTotals& t : history.years) {
    json entry = {{"year", int(t.year)}};
    entry.update(totals(t));
    years.push_back(std::move(entry));
  }
  return {{"months", std::move(months)}, {"years", std::move(years)}};
}

json LoadToJson(const LoadSummary& load) {
  json out;
  out["this_week_m"] = load.this_week_m;
  out["last_week_m"] = load.last_week_m;
  out["this_week_max_m"] = load.this_week_max_m;
  out["ten_percent_exceeded"] = load.ten_percent_exceeded;
  out["week_start"] = FormatDate(load.this_week_start);
  out["longest_run_30d_m"] = load.longest_run_30d_m;
  out["spike_warning"] = load.spike_warning;
  if (load.spike) {
    out["spike"] = {{"run_id", load.spike->run_id},
                    {"date", FormatDate(load.spike->date)},
                    {"run_m", load.spike->run_m},
                    {"previous_longest_m", load.spike->previous_longest_m},
                    {"percent_over", load.spike->percent_over},
                    {"band", SpikeBandId(load.spike->band)}};
  }
  out["acwr"] = load.acwr ? json(*load.acwr) : json(nullptr);
  out["acwr_band"] = load.acwr_band ? json(AcwrBandId(*load.acwr_band)) : json(nullptr);
  out["consecutive_run_days"] = load.consecutive_run_days;
  json weeks = json::array();
  for (const WeekTotal& week : load.weeks) weeks.push_back({{"start", FormatDate(week.start)}, {"m", week.m}});
  out["weeks"] = std::move(weeks);
  return out;
}

}  // namespace sw
