// libFuzzer target over the GPX and TCX readers (pugixml underneath). Invariants checked:
//  - nothing crashes, reads out of bounds, leaks, or trips ASan/UBSan (a document nested a
//    million deep included: the readers walk trees with loops);
//  - an error means no activities, and no error means at least one;
//  - every number an activity or lap carries is finite and not negative, dates are real dates,
//    and every text is valid UTF-8, so the activity's JSON can always be written;
//  - reading is deterministic: the same bytes give the same result.
// Build and run: tests/fuzz/run_fuzz.sh xml [runs]
#include <cstdint>

#include "reader_checks.hpp"

namespace {

using namespace sw::fuzz;

void Check(const sw::import::ReadResult& result, std::string_view file, std::string_view format) {
  RequireSaneResult(result);
  for (const auto& a : result.activities) {
    Require(a.file == file && a.format == format);
    RequireSaneActivity(a);
    RequireWritable(a, 3600);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const sw::import::Bytes bytes(data, size);
  const sw::import::ReadResult gpx = sw::import::ReadGpx(bytes, "fuzz.gpx");
  Check(gpx, "fuzz.gpx", "gpx");
  Require(sw::import::ReadGpx(bytes, "fuzz.gpx").activities == gpx.activities);
  const sw::import::ReadResult tcx = sw::import::ReadTcx(bytes, "fuzz.tcx");
  Check(tcx, "fuzz.tcx", "tcx");
  Require(sw::import::ReadTcx(bytes, "fuzz.tcx").activities == tcx.activities);
  return 0;
}
