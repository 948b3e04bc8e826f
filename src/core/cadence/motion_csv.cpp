#include "core/cadence/motion_csv.hpp"

#include <cerrno>
#include <cstdlib>

namespace sw {

namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.back() == '\r' || s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  return s;
}

// One number field; "nan" is accepted on purpose (sensors report missing values that way and
// the estimator skips them), anything else that is not entirely a number is an error.
bool ParseField(std::string_view field, double& out) {
  field = Trim(field);
  if (field.empty() || field.size() > 64) return false;
  std::string copy(field);
  char* end = nullptr;
  errno = 0;
  out = std::strtod(copy.c_str(), &end);
  return end == copy.c_str() + copy.size() && errno != ERANGE;
}

}  // namespace

MotionCsv ParseMotionCsv(std::string_view text) {
  MotionCsv out;
  size_t pos = 0;
  int line_number = 0;
  bool header_seen = false;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = Trim(text.substr(pos, end - pos));
    pos = end + 1;
    ++line_number;
    if (line.empty()) continue;
    if (!header_seen) {
      if (line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);  // UTF-8 byte order mark
      if (line.substr(0, 10) != "t,ax,ay,az" || (line.size() > 10 && line[10] != ',')) {
        out.error = "line " + std::to_string(line_number) + ": expected the header t,ax,ay,az";
        return out;
      }
      header_seen = true;
      continue;
    }
    double v[4];
    size_t field_start = 0;
    for (int i = 0; i < 4; ++i) {
      size_t comma = line.find(',', field_start);
      if (i < 3 && comma == std::string_view::npos) {
        out.error = "line " + std::to_string(line_number) + ": expected 4 numbers t,ax,ay,az";
        return out;
      }
      std::string_view field = line.substr(field_start, comma == std::string_view::npos
                                                           ? std::string_view::npos
                                                           : comma - field_start);
      if (!ParseField(field, v[i])) {
        out.error = "line " + std::to_string(line_number) + ": '" + std::string(field.substr(0, 40)) +
                    "' is not a number";
        return out;
      }
      field_start = comma == std::string_view::npos ? line.size() : comma + 1;
    }
    out.samples.push_back(MotionSample{v[0], v[1], v[2], v[3]});
  }
  if (!header_seen) out.error = "empty file: expected the header t,ax,ay,az";
  return out;
}

}  // namespace sw
