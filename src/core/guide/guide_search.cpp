// SearchGuide: one case-insensitive search over everything the guide holds, so the Guide screen's
// search box finds a word whether it sits in a mistake, an answer, a routine step or a study, and
// answers a question typed the way a runner asks it ("how often should I replace my shoes").
#include <algorithm>
#include <iterator>
#include <cctype>
#include <initializer_list>
#include <string>
#include <vector>

#include "core/guide/guide_content.hpp"
#include "core/rules/routines.hpp"
#include "core/model/sort_by_key.hpp"

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

// Words that carry no topic: a question's "how", "often", "should", "I", "my" would otherwise have
// to appear in the same item as the words that matter.
constexpr std::string_view kFillerWords[] = {
    "a",     "an",    "the",   "i",    "me",    "my",    "mine",  "you",   "your",  "we",
    "our",   "it",    "its",   "is",   "are",   "am",    "was",   "be",    "been",  "do",
    "does",  "did",   "how",   "what", "when",  "where", "which", "who",   "why",   "often",
    "should", "shall", "can",  "could", "would", "will",  "to",    "of",    "for",   "in",
    "on",    "at",    "by",    "with", "about", "and",   "or",    "if",    "this",  "that",
    "get",   "much",  "many",  "any",  "so",    "too",   "need",  "there"};

// A light stemmer: strips one common ending ("shoes" -> "shoe", "replacing" -> "replac",
// "runner's" -> "runner") as long as 4 letters stay. Matching a stem inside the text then finds
// every form of the word. Expects lower case.
std::string Stem(std::string word) {
  if (word.size() > 2 && word.ends_with("'s")) word.resize(word.size() - 2);
  for (std::string_view ending : {"ing", "ed", "es", "s", "e"}) {
    if (!word.ends_with(ending) || word.size() < ending.size() + 4) continue;
    if (ending == "s" && word.ends_with("ss")) continue;  // "stress" stays
    word.resize(word.size() - ending.size());
    break;
  }
  return word;
}

// Common words for the same thing; a query word in a group also finds the group's other words.
// Written as stems.
const std::vector<std::vector<std::string_view>>& SynonymGroups() {
  static const std::vector<std::vector<std::string_view>> groups = {
      {"shoe", "trainer", "sneaker", "footwear"},
      {"mileag", "distanc", "mile", "km", "kilometr", "kilometer"},
      {"shin", "splint", "tibia"},
      {"pain", "hurt", "ache", "sore", "injur"},
  };
  return groups;
}

// "injury" and "injuries" both belong with "injur": a stem may run on past a group's stem.
bool InGroup(std::string_view stem, std::string_view entry) {
  return stem == entry || (entry.size() >= 4 && stem.starts_with(entry));
}

struct QueryWord {
  std::string stem;
  std::vector<std::string_view> synonyms;  // other stems of its synonym group
};

std::vector<QueryWord> QueryWords(std::string_view query) {
  std::vector<QueryWord> words;
  std::size_t i = 0;
  while (i < query.size()) {
    while (i < query.size() && std::isspace((unsigned char)query[i])) ++i;
    std::size_t start = i;
    while (i < query.size() && !std::isspace((unsigned char)query[i])) ++i;
    std::string word;
    for (char c : query.substr(start, i - start)) word += Lower(c);
    // Question marks and commas around a word are not part of it; "10%" and "warm-up" keep theirs.
    while (!word.empty() && std::string_view("?!.,;:\"()").find(word.back()) != std::string_view::npos) word.pop_back();
    while (!word.empty() && std::string_view("\"(").find(word.front()) != std::string_view::npos) word.erase(0, 1);
    if (word.empty() || std::find(std::begin(kFillerWords), std::end(kFillerWords), word) != std::end(kFillerWords)) continue;
    QueryWord query_word{Stem(word), {}};
    for (const std::vector<std::string_view>& group : SynonymGroups())
      if (std::any_of(group.begin(), group.end(), [&](std::string_view entry) { return InGroup(query_word.stem, entry); }))
        for (std::string_view synonym : group)
          if (synonym != query_word.stem) query_word.synonyms.push_back(synonym);
    words.push_back(std::move(query_word));
  }
  return words;
}

// How well one field holds a word: 2 as typed (by stem), 1 through a synonym, 0 not at all.
int FieldMatch(std::string_view field, const QueryWord& word) {
  if (ContainsNoCase(field, word.stem)) return 2;
  for (std::string_view synonym : word.synonyms)
    if (ContainsNoCase(field, synonym)) return 1;
  return 0;
}

struct ScoredHit {
  GuideHit hit;
  int words_matched = 0;
  int score = 0;
};

// Scores one item: each query word counts by its best field, the title three times as much as the
// rest (the item's extra search terms count like its text). The snippet is the first field holding
// the first matched word, else the item's body (the field after the title).
void Match(const std::vector<QueryWord>& words, std::initializer_list<std::string_view> fields,
           std::string_view search_terms, GuideSection section, int index, Screen tool,
           std::vector<ScoredHit>& hits) {
  ScoredHit scored{{section, index, *fields.begin(), *(fields.begin() + 1), tool}};
  bool snippet_chosen = false;
  for (const QueryWord& word : words) {
    int best = FieldMatch(search_terms, word);
    bool title = true;
    for (std::string_view field : fields) {
      int match = FieldMatch(field, word) * (title ? 3 : 1);
      if (match > 0 && !snippet_chosen && !title) {
        scored.hit.snippet = field;
        snippet_chosen = true;
      }
      best = std::max(best, match);
      title = false;
    }
    if (best == 0) continue;
    ++scored.words_matched;
    scored.score += best;
  }
  if (scored.words_matched > 0) hits.push_back(scored);
}

}  // namespace

std::vector<GuideHit> SearchGuide(std::string_view query) {
  std::vector<QueryWord> words = QueryWords(query);
  if (words.empty()) return {};
  std::vector<ScoredHit> scored;
  int i = 0;
  for (const GuideMistake& m : GuideMistakes())
    Match(words, {m.title, m.why, m.what_to_do, m.tool_label}, m.search_terms, GuideSection::Mistake, i++, m.tool,
          scored);
  i = 0;
  for (const GuideQuestion& q : GuideFaq())
    Match(words, {q.question, q.answer}, "", GuideSection::Question, i++, Screen::Guide, scored);
  i = 0;
  for (const RoutineStep& s : WarmupSteps())
    Match(words, {s.name, s.how_to, s.duration}, "warm-up warmup before", GuideSection::Warmup, i++, Screen::Log,
          scored);
  i = 0;
  for (const RoutineStep& s : CooldownSteps())
    Match(words, {s.name, s.how_to, s.duration}, "cool-down cooldown after", GuideSection::Cooldown, i++,
          Screen::Log, scored);
  i = 0;
  for (const StrengthStep& s : StrengthRoutine())
    Match(words, {s.name, s.how_to, s.dose}, "strength hips core exercise", GuideSection::Strength, i++,
          Screen::Guide, scored);
  i = 0;
  for (const GuideEvidence& e : GuideEvidenceItems())
    Match(words, {e.title, e.finding, e.source}, "evidence study research", GuideSection::Evidence, i++, e.tool,
          scored);

  // Every word if any item has them all; else the closest items, so one word the guide never uses
  // ("stop shin splints") does not hide what it does say.
  int most_words = 0;
  for (const ScoredHit& s : scored) most_words = std::max(most_words, s.words_matched);
  std::erase_if(scored, [&](const ScoredHit& s) { return s.words_matched < most_words; });
  SortByKey(scored, SortOrder::Descending, [](const ScoredHit& s) { return OrderKey(s.score, 0); });  // ties: guide order
  std::vector<GuideHit> hits;
  for (const ScoredHit& s : scored) hits.push_back(s.hit);
  return hits;
}

}  // namespace sw
