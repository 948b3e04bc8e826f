#pragma once
// "Export runs as CSV": one row per run for spreadsheets.
#include <string>
#include <string_view>

#include "core/model/model.hpp"

namespace sw {

// Header date,distance,unit,duration,shoe; runs by date (then id); distance in the runner's
// units with 2 decimals; duration h:mm:ss (empty when not logged); the shoe's name. RFC 4180:
// CRLF line ends, fields holding , " CR or LF quoted with quotes doubled. Text that a spreadsheet
// would run as a formula (= + - @ tab CR first) gets a leading '. `utf8_bom` prefixes EF BB BF so
// Excel reads non-ASCII shoe names as UTF-8.
std::string RunsCsv(const Model& model, bool utf8_bom = false);

// One RFC 4180 field with the formula guard (exposed for tests).
std::string CsvField(std::string_view text);

}  // namespace sw
