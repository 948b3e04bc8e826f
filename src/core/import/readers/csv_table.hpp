#pragma once
// RFC 4180 CSV as Strava and Garmin Connect write it: quoted fields holding commas, quotes ("")
// and line breaks (activity descriptions), CRLF or LF, a UTF-8 byte-order mark, and header names
// that repeat (Strava's two "Distance" columns) or carry HTML (Strava's untranslated headers).
#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace sw::import {

// CSV files larger than this are refused: a Strava export of 10,000 activities is about 5 MB.
inline constexpr std::size_t kMaxCsvBytes = std::size_t{64} << 20;

struct CsvTable {
  std::vector<std::string> header;            // as written (BOM removed)
  std::vector<std::string> keys;              // header names for matching: HTML removed, trimmed, lower case
  std::vector<std::vector<std::string>> rows;  // blank lines left out; a row may be shorter or longer
  std::vector<std::size_t> row_lines;         // the 1-based line each row starts on
  char separator = ',';
};

// Reads the whole text. The separator is ',' unless the header line has ';' and no ',' (some
// spreadsheet exports). An unterminated quote runs to the end of the text, as spreadsheets read it.
CsvTable ParseCsv(std::string_view text);

// The index of the `nth` (0-based) column whose key is `key` (lower case), or -1.
int FindColumn(const CsvTable& table, std::string_view key, int nth = 0);
// The first column named by any of `keys` (lower case), or -1.
int FindAnyColumn(const CsvTable& table, std::initializer_list<std::string_view> keys);
// A field of a row, or "" when the row is shorter or the column is -1.
std::string_view Field(const std::vector<std::string>& row, int column);

// The sentence for a row left out because its date could not be read: "<where>: the row has no
// date, so the row was left out." (or names the date it could not read).
std::string UnreadableDateRow(const std::string& where, std::string_view date_text);

// The middle value of `values` (reordered); used to decide a column's unit from all its rows.
double MedianOf(std::vector<double>& values);

}  // namespace sw::import
