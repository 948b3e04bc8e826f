#include "shoe_status.hpp"

#include "theme.hpp"

namespace sw::ui {

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

}  // namespace sw::ui
