#include "core/import/readers/csv_table.hpp"

#include <algorithm>

#include "core/import/readers/text_helpers.hpp"

namespace sw::import {

namespace {

// "<span class=\"translation_missing\" title=\"...\">Total Steps</span>" -> "total steps".
std::string HeaderKey(std::string_view name) {
  std::string text;
  bool in_tag = false;
  for (char c : name) {
    if (c == '<') in_tag = true;
    else if (c == '>') in_tag = false;
    else if (!in_tag) text += c;
  }
  return LowerAscii(TrimText(text));
}

}  // namespace

CsvTable ParseCsv(std::string_view text) {
  CsvTable table;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::string_view first_line = text.substr(0, text.find('\n'));
  if (first_line.find(',') == std::string_view::npos && first_line.find(';') != std::string_view::npos) {
    table.separator = ';';
  }
  const char sep = table.separator;

  std::vector<std::string> row;
  std::string field;
  bool quoted = false;       // inside a quoted part of a field
  bool field_start = true;   // nothing of the current field read yet
  bool row_has_data = false;  // the row holds a separator or a character (not a blank line)
  std::size_t line = 1, row_line = 1;
  auto end_row = [&] {
    row.push_back(std::move(field));
    field.clear();
    if (row_has_data) {
      if (table.header.empty() && table.rows.empty()) {
        table.header = std::move(row);
      } else {
        table.rows.push_back(std::move(row));
        table.row_lines.push_back(row_line);
      }
    }
    row.clear();
    row_has_data = false;
  };
  // Runs of plain characters are appended whole; only separators, quotes and line ends are
  // looked at one by one (a 5 MB export is read in milliseconds).
  const char specials[] = {sep, '"', '\n', '\r', '\0'};
  std::size_t i = 0;
  while (i < text.size()) {
    if (quoted) {
      std::size_t quote = text.find('"', i);
      std::string_view chunk = text.substr(i, quote == std::string_view::npos ? std::string_view::npos : quote - i);
      line += std::size_t(std::count(chunk.begin(), chunk.end(), '\n'));
      field.append(chunk);
      if (quote == std::string_view::npos) break;  // unterminated: the rest of the text is the field
      if (quote + 1 < text.size() && text[quote + 1] == '"') {
        field += '"';
        i = quote + 2;
      } else {
        quoted = false;
        i = quote + 1;
      }
      continue;
    }
    std::size_t special = text.find_first_of(std::string_view(specials, 4), i);
    if (special == std::string_view::npos) special = text.size();
    if (special > i) {
      field.append(text.substr(i, special - i));
      row_has_data = true;
      field_start = false;
      i = special;
      continue;
    }
    char c = text[i++];
    if (c == '"') {
      // A quote opens a quoted field only at the field's start; elsewhere (12" record) it is text,
      // so one stray quote cannot swallow the rest of the file.
      if (field_start) quoted = true;
      else field += '"';
      row_has_data = true;
      field_start = false;
    } else if (c == sep) {
      row.push_back(std::move(field));
      field.clear();
      row_has_data = true;
      field_start = true;
    } else {  // '\n', '\r' or "\r\n"
      if (c == '\r' && i < text.size() && text[i] == '\n') ++i;
      end_row();
      ++line;
      row_line = line;
      field_start = true;
    }
  }
  if (row_has_data || !field.empty()) end_row();

  table.keys.reserve(table.header.size());
  for (const std::string& name : table.header) table.keys.push_back(HeaderKey(name));
  return table;
}

int FindColumn(const CsvTable& table, std::string_view key, int nth) {
  for (std::size_t i = 0; i < table.keys.size(); ++i) {
    if (table.keys[i] == key && nth-- == 0) return int(i);
  }
  return -1;
}

int FindAnyColumn(const CsvTable& table, std::initializer_list<std::string_view> keys) {
  for (std::string_view key : keys) {
    if (int column = FindColumn(table, key); column >= 0) return column;
  }
  return -1;
}

std::string_view Field(const std::vector<std::string>& row, int column) {
  if (column < 0 || std::size_t(column) >= row.size()) return {};
  return row[std::size_t(column)];
}

std::string UnreadableDateRow(const std::string& where, std::string_view date_text) {
  return where + ": " +
         (date_text.empty() ? std::string("the row has no date")
                            : "the date \"" + std::string(date_text.substr(0, 40)) + "\" could not be read") +
         ", so the row was left out.";
}

double MedianOf(std::vector<double>& values) {
  std::nth_element(values.begin(), values.begin() + std::ptrdiff_t(values.size() / 2), values.end());
  return values[values.size() / 2];
}

}  // namespace sw::import
