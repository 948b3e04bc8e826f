#pragma once
// Deterministic mutations for the fixed-seed fuzz runs inside the suite: bit flips, truncation,
// splices from another seed, inserted JSON tokens, deletions.
#include <iterator>
#include <random>
#include <string>
#include <vector>

namespace sw::test {

inline std::string Mutate(std::mt19937& rng, const std::vector<std::string>& seeds) {
  auto pick = [&rng](std::size_t n) { return n ? std::uniform_int_distribution<std::size_t>(0, n - 1)(rng) : 0; };
  std::string text = seeds[pick(seeds.size())];
  static const char* kTokens[] = {"\"",  "{",    "}",   "[", "]",  ",", ":",  "null", "true", "-1",
                                  "1e999", "0.5", "\"x\"", "\\u0000", "\xC3", "\xFF", "9007199254740993",
                                  "\"2026-02-30\"", "\"\"", "{}", "[]"};
  int steps = 1 + int(pick(4));
  for (int s = 0; s < steps && !text.empty(); ++s) {
    switch (pick(5)) {
      case 0: text[pick(text.size())] ^= char(1 << pick(8)); break;  // bit flip
      case 1: text.resize(pick(text.size() + 1)); break;              // truncation
      case 2: {                                                        // splice from another seed
        const std::string& other = seeds[pick(seeds.size())];
        std::size_t from = pick(other.size()), len = pick(64);
        text.insert(pick(text.size() + 1), other.substr(from, len));
        break;
      }
      case 3: text.insert(pick(text.size() + 1), kTokens[pick(std::size(kTokens))]); break;
      case 4: text.erase(pick(text.size()), 1 + pick(16)); break;
    }
  }
  return text;
}

}  // namespace sw::test
