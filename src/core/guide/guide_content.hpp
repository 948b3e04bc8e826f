#pragma once
// The guide's text as data: the clinic's six mistakes and its FAQ, written in the app's own
// words (facts from shared/CONTENT.md). Screens show it; nothing here knows about the UI.
#include <span>
#include <string_view>
#include <vector>

#include "core/model/screen.hpp"

namespace sw {

struct GuideMistake {
  std::string_view title;
  std::string_view why;      // what goes wrong
  std::string_view what_to_do;
  Screen tool;               // where in the app to act on it
  std::string_view tool_label;
  // Which part of that screen: "checklist" "shoes" "cadence" "strength" "load" "pain_log".
  std::string_view tool_section = {};
  // Words a runner may search for that the text does not use (e.g. a complaint it causes).
  std::string_view search_terms = {};
};

struct GuideQuestion {
  std::string_view question;
  std::string_view answer;
};

// Research the app leans on beyond the article, cited briefly where the app uses it.
struct GuideEvidence {
  std::string_view title;
  std::string_view finding;
  std::string_view source;  // short citation: "Garmin-RUNSAFE study, Br J Sports Med 2025"
  Screen tool;              // where the app applies it
};

std::span<const GuideMistake> GuideMistakes();
std::span<const GuideQuestion> GuideFaq();
std::span<const GuideEvidence> GuideEvidenceItems();

// [SECTION] Search (guide_search.cpp)
enum class GuideSection { Mistake, Question, Warmup, Cooldown, Strength, Evidence };
struct GuideHit {
  GuideSection section;
  int index = 0;              // into GuideMistakes(), GuideFaq(), WarmupSteps(), ... by section
  std::string_view title;     // the item's title, question or name
  std::string_view snippet;   // the first field after the title holding a query word, else the body
  Screen tool = Screen::Guide;
};
// Case-insensitive (ASCII) search for natural questions: filler words ("how", "often", "my") are
// dropped, the rest match by stem ("shoes" finds "shoe") or a common synonym ("trainers",
// "mileage" finds "distance"). Items matching every remaining word are hits; when none does, the
// items matching the most words are. Best match first (a word in the title counts most, a word as
// typed more than a synonym), ties in guide order (mistakes, FAQ, warm-up, cool-down, strength,
// evidence). A blank query, or one of filler words only, finds nothing: the screen shows the
// whole guide then.
std::vector<GuideHit> SearchGuide(std::string_view query);

// Said wherever the app gives pain advice.
inline constexpr std::string_view kNotADiagnosis =
    "Stridewise gives general guidance, not a diagnosis. If in doubt, see a clinician.";

}  // namespace sw
