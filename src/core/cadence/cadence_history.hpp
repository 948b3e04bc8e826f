#pragma once
// Every cadence the runner has on record: sessions measured with the phone and imported runs that
// carry their watch's average. The cadence screen lists them; the personal target is taken from
// the newest plausible ones (cadence_target.hpp).
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "core/model/model.hpp"

namespace sw {

struct CadenceRecord {
  Date date;
  Id id = 0;          // the cadence session's, or the imported run's
  bool imported = false;
  double spm = 0;     // average steps per minute
  std::optional<double> duration_s;
  std::string device; // imported: the watch or app that recorded it ("" when the file did not say)
  bool tapped = false;  // a session measured by tap-along
  // A session's time in its band and the band it was measured against (a watch's file has neither).
  std::optional<double> time_in_band_s;
  int low_spm = 0, high_spm = 0;
  bool operator==(const CadenceRecord&) const = default;
};

// Newest day first, then newest id (an import brings old runs with new ids, so the date decides).
std::vector<CadenceRecord> CadenceHistory(const Model& model);

// The cadence trend: the mean of each calendar month's plausible records' averages
// (IsPlausibleRunCadence, cadence_target.hpp: a walk or a mis-tapped session would drag it down),
// over the `months` months up to today's, oldest first; months without a record are left out.
struct CadenceMonth {
  std::chrono::year year;
  std::chrono::month month;
  double mean_spm = 0;
  int records = 0;
  bool operator==(const CadenceMonth&) const = default;
};
std::vector<CadenceMonth> CadenceTrend(const std::vector<CadenceRecord>& history, Date today, int months = 12);

}  // namespace sw
