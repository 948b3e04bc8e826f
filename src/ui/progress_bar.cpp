#include "progress_bar.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/model/dates.hpp"
#include "core/model/units.hpp"
#include "theme.hpp"

namespace sw::ui {

void ProgressBar(UiFrame& frame, float fraction, ImVec4 color, float height_css, float marker) {
  ImDrawList* draw = ImGui::GetWindowDrawList();
  ImVec2 min = ImGui::GetCursorScreenPos();
  float width = ImGui::GetContentRegionAvail().x;
  float height = frame.Px(height_css);
  ImVec2 max(min.x + width, min.y + height);
  float rounding = height * 0.5f;
  draw->AddRectFilled(min, max, ImGui::GetColorU32(GetPalette().track), rounding);
  float f = std::clamp(std::isfinite(fraction) ? fraction : 0.0f, 0.0f, 1.0f);
  if (f > 0) draw->AddRectFilled(min, ImVec2(min.x + std::max(width * f, height), max.y), ImGui::GetColorU32(color), rounding);
  if (marker >= 0 && marker <= 1) {
    float x = min.x + width * marker;
    draw->AddRectFilled(ImVec2(x - frame.Px(1.5f), min.y - frame.Px(3)), ImVec2(x + frame.Px(1.5f), max.y + frame.Px(3)),
                        ImGui::GetColorU32(GetPalette().text));
  }
  ImGui::Dummy(ImVec2(width, height));
}

float PillWidth(UiFrame& frame, const char* text) {
  ImGui::PushFont(GetFonts().small);
  float w = ImGui::CalcTextSize(text).x + frame.Px(16);
  ImGui::PopFont();
  return w;
}

void Pill(UiFrame& frame, const char* text, ImVec4 fill, ImVec4 text_color) {
  ImGui::PushFont(GetFonts().small);
  ImVec2 size = ImGui::CalcTextSize(text);
  ImVec2 pad(frame.Px(8), frame.Px(2));
  ImVec2 min = ImGui::GetCursorScreenPos();
  ImVec2 max(min.x + size.x + pad.x * 2, min.y + size.y + pad.y * 2);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(min, max, ImGui::GetColorU32(fill), (max.y - min.y) * 0.5f);
  draw->AddText(ImVec2(min.x + pad.x, min.y + pad.y), ImGui::GetColorU32(text_color), text);
  ImGui::Dummy(ImVec2(max.x - min.x, max.y - min.y));
  ImGui::PopFont();
}

ImVec4 StatusColor(ShoeStatus status) {
  const Palette& p = GetPalette();
  switch (status) {
    case ShoeStatus::Ok: return p.ok;
    case ShoeStatus::Warn: return p.warn;
    case ShoeStatus::Replace: return p.bad;
    case ShoeStatus::Retired: return p.muted_text;
  }
  return p.muted_text;
}

const char* StatusWord(ShoeStatus status) {
  switch (status) {
    case ShoeStatus::Ok: return "Good";
    case ShoeStatus::Warn: return "Wearing";
    case ShoeStatus::Replace: return "Replace";
    case ShoeStatus::Retired: return "Retired";
  }
  return "";
}

namespace {
const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
const char* const kWeekdays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
}  // namespace

std::string ProjectionText(Date when, Date today) {
  int days = DaysBetween(today, when);
  char text[48];
  if (days <= 1) return "in about a day";
  if (days < 14) {
    snprintf(text, sizeof text, "in ~%d days", days);
  } else if (days <= 10 * 7) {
    snprintf(text, sizeof text, "in ~%d weeks", (days + 3) / 7);
  } else {
    snprintf(text, sizeof text, "about %s %d", kMonths[unsigned(when.month()) - 1], int(when.year()));
  }
  return text;
}

std::string ShortDate(Date date, Date today) {
  std::chrono::weekday wd{std::chrono::sys_days{date}};
  char text[40];
  if (date.year() == today.year())
    snprintf(text, sizeof text, "%s %u %s", kWeekdays[wd.c_encoding()], unsigned(date.day()),
             kMonths[unsigned(date.month()) - 1]);
  else
    snprintf(text, sizeof text, "%u %s %d", unsigned(date.day()), kMonths[unsigned(date.month()) - 1], int(date.year()));
  return text;
}

std::string ShoeDistanceText(double metres, Units units) {
  return FormatDistance(metres, units, MetresToUnits(metres, units) >= 99.95 ? 0 : 1);
}

}  // namespace sw::ui
