// SearchGuide: one case-insensitive search over everything the guide holds, so the Guide screen's
// search box finds a word whether it sits in a mistake, an answer, a routine step or a study.
#include <cctype>
#include <initializer_list>

#include "guide_content.hpp"
#include "routines.hpp"

namespace sw {
namespace {

char Lower(char c) { return char(std::tolower((unsigned char)c)); }

bool ContainsNoCase(std::string_view text, std::string_view word) {
  if (word.empty()) return true;
  if (word.size() > text.size()) return false;
  for (std::size_t start = 0; start + word.size() <= text.size(); ++start) {
    std::size_t i = 0;
    while (i < word.size() && Lower(text[start + i]) == Lower(word[i])) ++i;
    if (i == word.size()) return true;
  }
  return false;
}

std::vector<std::string_view> Words(std::string_view query) {
  std::vector<std::string_view> words;
  std::size_t i = 0;
  while (i < query.size()) {
    while (i < query.size() && std::isspace((unsigned char)query[i])) ++i;
    std::size_t start = i;
    while (i < query.size() && !std::isspace((unsigned char)query[i])) ++i;
    if (i > start) words.push_back(query.substr(start, i - start));
  }
  return words;
}

// Adds a hit when every word appears in one of the item's fields or its extra keywords (words a
// runner may type that the text itself does not use). The snippet is the first field holding the
// first word, else the item's body (the field after the title).
void Match(const std::vector<std::string_view>& words, std::initializer_list<std::string_view> fields,
           std::string_view keywords, GuideSection section, int index, Screen tool, std::vector<GuideHit>& hits) {
  for (std::string_view word : words) {
    bool found = ContainsNoCase(keywords, word);
    for (std::string_view field : fields) found = found || ContainsNoCase(field, word);
    if (!found) return;
  }
  std::string_view snippet = *(fields.begin() + 1);
  for (std::string_view field : fields)
    if (ContainsNoCase(field, words.front())) {
      snippet = field;
      break;
    }
  hits.push_back({section, index, *fields.begin(), snippet, tool});
}

}  // namespace

std::vector<GuideHit> SearchGuide(std::string_view query) {
  std::vector<GuideHit> hits;
  std::vector<std::string_view> words = Words(query);
  if (words.empty()) return hits;
  int i = 0;
  for (const GuideMistake& m : GuideMistakes())
    Match(words, {m.title, m.why, m.what_to_do, m.tool_label}, "", GuideSection::Mistake, i++, m.tool, hits);
  i = 0;
  for (const GuideQuestion& q : GuideFaq())
    Match(words, {q.question, q.answer}, "", GuideSection::Question, i++, Screen::Guide, hits);
  i = 0;
  for (const RoutineStep& s : WarmupSteps())
    Match(words, {s.name, s.how_to, s.duration}, "warm-up warmup before",
          GuideSection::Warmup, i++, Screen::Log, hits);
  i = 0;
  for (const RoutineStep& s : CooldownSteps())
    Match(words, {s.name, s.how_to, s.duration}, "cool-down cooldown after",
          GuideSection::Cooldown, i++, Screen::Log, hits);
  i = 0;
  for (const StrengthStep& s : StrengthRoutine())
    Match(words, {s.name, s.how_to, s.dose}, "strength hips core exercise",
          GuideSection::Strength, i++, Screen::Guide, hits);
  i = 0;
  for (const GuideEvidence& e : GuideEvidenceItems())
    Match(words, {e.title, e.finding, e.source}, "evidence study research",
          GuideSection::Evidence, i++, e.tool, hits);
  return hits;
}

}  // namespace sw
