#pragma once
// The import tests' access to the real files in ../shared/data/import/ and their independent
// reading (truth.json), to hand-made fixtures, and to instants written as ISO text.
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/model/dates.hpp"

namespace sw::test {

inline std::string DataDir() { return std::string(STRIDEWISE_SOURCE_DIR) + "/../shared/data/import/"; }
inline std::string FixtureDir() { return std::string(STRIDEWISE_SOURCE_DIR) + "/tests/unit/fixtures/import/"; }

inline std::vector<std::uint8_t> ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in.good());
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline std::vector<std::uint8_t> FromText(const std::string& text) { return {text.begin(), text.end()}; }

// truth.json, read once.
inline const nlohmann::json& Truth() {
  static const nlohmann::json truth = [] {
    std::ifstream in(DataDir() + "truth.json");
    return nlohmann::json::parse(in);
  }();
  return truth;
}

inline std::chrono::sys_seconds At(const std::string& iso) {
  auto t = ParseIsoUtc(iso);
  REQUIRE(t);
  return *t;
}

}  // namespace sw::test
