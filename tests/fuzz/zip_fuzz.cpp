// libFuzzer target over ReadAnyFile on zip and gzip input: minizip's unzip over memory, zlib's
// inflate, the size limits, the activities.csv join and every reader behind them, and the zip
// reader on its own (every entry listed and read, whatever its name). Invariants checked:
//  - nothing crashes, reads out of bounds, leaks, or trips ASan/UBSan;
//  - no entry and no gzip stream gives more than the limit asked for;
//  - an error means no activities, and no error means at least one;
//  - every number is finite and not negative, every text is valid UTF-8, every activity names a
//    file inside the archive.
// Build and run: tests/fuzz/run_fuzz.sh zip [runs]
#include <cstdint>

#include "core/import/readers/archive.hpp"
#include "reader_checks.hpp"

using namespace sw::fuzz;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const sw::import::Bytes bytes(data, size);
  const sw::import::ReadResult result = sw::import::ReadAnyFile(bytes, "fuzz.zip");
  RequireSaneResult(result);
  for (const auto& a : result.activities) {
    Require(a.file.rfind("fuzz.zip", 0) == 0 && !a.format.empty());
    RequireSaneActivity(a);
    RequireWritable(a, 0);
  }

  constexpr std::uint64_t kLimit = 1 << 20;
  if (sw::import::IsZip(bytes)) {
    sw::import::ZipArchive zip(bytes);
    for (std::size_t i = 0; i < zip.entries().size() && i < 64; ++i) {
      sw::import::Unpacked entry = zip.Read(i, kLimit);
      Require(entry.bytes.size() <= kLimit && (entry.error.empty() || entry.bytes.empty()));
    }
  }
  if (sw::import::IsGzip(bytes)) {
    sw::import::Unpacked plain = sw::import::Gunzip(bytes, kLimit);
    Require(plain.bytes.size() <= kLimit && (plain.error.empty() || plain.bytes.empty()));
  }
  return 0;
}
