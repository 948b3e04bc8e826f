#pragma once
// Small text helpers the import readers share: numbers and times as activity files write them,
// without the C locale (a browser worker and a German desktop must read "4.5" the same way).
#include <chrono>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/model/dates.hpp"

namespace sw::import {

std::string_view TrimText(std::string_view text);
std::string LowerAscii(std::string_view text);
bool EndsWithNoCase(std::string_view text, std::string_view suffix);
bool StartsWithNoCase(std::string_view text, std::string_view prefix);
// The part after the last '/' or '\': "export.zip/activities/1.gpx" -> "1.gpx".
std::string_view BaseName(std::string_view path);
std::string_view AsText(std::span<const std::uint8_t> bytes);

// "12", "-3.5", "4.2e3", " 7 " -> a finite number; "", "abc", "1.2.3", "nan", "1e999" -> nullopt.
// Decimal point only (no grouping, no comma decimals).
std::optional<double> ParseNumber(std::string_view text);

// ISO 8601 times (ParseIsoTime) and checked calendar times (MakeTime) live in core/model/dates.hpp.

// Seconds between two instants, as the duration fields hold them.
inline double SecondsBetween(Millis from, Millis to) { return double((to - from).count()) / 1000.0; }

// The 1-based line of a byte offset in a text (for "line 12" in a message).
std::size_t LineOfOffset(std::string_view text, std::size_t offset);

// Files carry names in any encoding (a Latin-1 GPX title, a damaged byte). Everything a reader
// returns is valid UTF-8, each bad byte replaced by U+FFFD, so the JSON the CLI and the worker
// write from it never fails (nlohmann::json refuses invalid UTF-8 when dumping).
std::string ValidUtf8(std::string_view text);
struct ReadResult;
struct ImportedActivity;
void MakeTextValid(ReadResult& result);
void MakeTextValid(ImportedActivity& activity);

}  // namespace sw::import
