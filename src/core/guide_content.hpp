#pragma once
// The guide's text as data: the clinic's six mistakes and its FAQ, written in the app's own
// words (facts from shared/CONTENT.md). Screens show it; nothing here knows about the UI.
#include <span>
#include <string_view>

#include "screen.hpp"

namespace sw {

struct GuideMistake {
  std::string_view title;
  std::string_view why;      // what goes wrong
  std::string_view what_to_do;
  Screen tool;               // where in the app to act on it
  std::string_view tool_label;
};

struct GuideQuestion {
  std::string_view question;
  std::string_view answer;
};

std::span<const GuideMistake> GuideMistakes();
std::span<const GuideQuestion> GuideFaq();
// Said wherever the app gives pain advice.
inline constexpr std::string_view kNotADiagnosis =
    "Stridewise gives general guidance, not a diagnosis. If in doubt, see a clinician.";

}  // namespace sw
