#pragma once
// Every cadence the runner has on record: sessions measured with the phone and imported runs that
// carry their watch's average. The cadence screen lists them; the personal target is taken from
// the newest plausible ones (cadence_target.hpp).
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
  bool operator==(const CadenceRecord&) const = default;
};

// Newest day first, then newest id (an import brings old runs with new ids, so the date decides).
std::vector<CadenceRecord> CadenceHistory(const Model& model);

}  // namespace sw
