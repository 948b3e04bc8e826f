// Timing of the first read's decode by kind of document, for issue 17's ten years (4,000 runs,
// 25 pairs, 400 pain entries, 300 cadence sessions of 45 min). Hidden ([.]): run it with
//   build/unit_tests "[.decode_bench]" -s
// It prints figures; it checks only that every part decodes.
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "core/model/dates.hpp"
#include "core/rules/derived.hpp"
#include "core/storage/storage_codec.hpp"

using namespace sw;

namespace {

Model TenYears() {
  Model m;
  Id id = 1;
  for (int i = 0; i < 25; ++i) {
    Shoe shoe;
    shoe.id = id++;
    shoe.name = "Shoe " + std::to_string(i + 1);
    shoe.retired = i < 22;
    m.shoes.push_back(shoe);
  }
  Date first = *ParseDate("2016-12-02");
  auto day = [&](int n) { return Date(std::chrono::sys_days(first) + std::chrono::days(n)); };
  for (int i = 0; i < 4000; ++i) {
    Run run;
    run.id = id++;
    run.date = day(i * 3650 / 4000);
    run.distance_m = 3000 + (i * 7919) % 12000;
    run.duration_s = 1200 + i % 3000;
    run.shoe_id = m.shoes[(i / 160) % 25].id;
    run.warmup = i % 3 == 0;
    m.runs.push_back(run);
  }
  for (int i = 0; i < 400; ++i) {
    PainEntry pain;
    pain.id = id++;
    pain.date = day(i * 7);
    pain.severity = i % 8;
    m.pain.push_back(pain);
  }
  for (int i = 0; i < 300; ++i) {
    CadenceSession session;
    session.id = id++;
    session.date = day(i * 3650 / 300);
    session.duration_s = 2700;
    session.mean_spm = 170;
    session.time_in_band_s = 1350;
    session.series_spm = std::vector<float>(2700, 171.5f);
    m.cadence_sessions.push_back(session);
  }
  m.next_id = id;
  return m;
}

double Ms(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - since).count();
}

}  // namespace

TEST_CASE("decode of the first read by kind (figures)", "[.decode_bench]") {
  std::map<std::string, std::string> all = EncodeStoreChanges(nullptr, TenYears()).put;
  std::map<std::string, std::map<std::string, std::string>> by_kind;
  for (const auto& [key, value] : all) by_kind[key.substr(0, key.find('/'))][key] = value;
  for (const auto& [kind, docs] : by_kind) {
    std::size_t bytes = 0;
    for (const auto& [key, value] : docs) bytes += value.size();
    auto t0 = std::chrono::steady_clock::now();
    double ms = 0;
    if (kind == "series") {
      for (int i = 0; i < 5; ++i) CHECK(DecodeSeries(docs).damaged.empty());
      ms = Ms(t0) / 5;
    } else {
      for (int i = 0; i < 5; ++i) CHECK(DecodeStore(docs).damaged.empty());
      ms = Ms(t0) / 5;
    }
    std::printf("  %-10s %4zu docs %8.0f KB %8.2f ms\n", kind.c_str(), docs.size(), bytes / 1024.0, ms);
  }
}

TEST_CASE("decode of the runs: JSON parse alone (figures)", "[.decode_bench]") {
  std::map<std::string, std::string> all = EncodeStoreChanges(nullptr, TenYears()).put;
  auto t0 = std::chrono::steady_clock::now();
  std::size_t n = 0;
  for (int i = 0; i < 5; ++i)
    for (const auto& [key, value] : all)
      if (key.rfind("runs/", 0) == 0) n += nlohmann::json::parse(value, nullptr, false).size();
  std::printf("  runs: json::parse alone %.2f ms\n", Ms(t0) / 5);
  CHECK(n > 0);
}

TEST_CASE("derived summaries of ten years, whole and with the older years left for later (figures)",
          "[.decode_bench]") {
  std::map<std::string, std::string> all = EncodeStoreChanges(nullptr, TenYears()).put;
  const Date today = *ParseDate("2026-11-30");
  DecodedStore whole = DecodeStore(all), later = DecodeStore(all, FirstScreenNeeds(today));
  REQUIRE(!later.model.unread_run_years.empty());
  for (const auto& [name, model] : {std::pair{"whole", &whole.model}, std::pair{"later", &later.model}}) {
    auto t0 = std::chrono::steady_clock::now();
    for (int i = 0; i < 10; ++i) CHECK(Derive(*model, today).shoes.size() == 25);
    double all_ms = Ms(t0) / 10;
    t0 = std::chrono::steady_clock::now();
    for (int i = 0; i < 10; ++i) CHECK(SummarizeShoes(*model, today).size() == 25);
    double shoes_ms = Ms(t0) / 10;
    t0 = std::chrono::steady_clock::now();
    for (int i = 0; i < 10; ++i) CHECK(!SummarizeHistory(*model).months.empty());
    std::printf("  Derive, %s: %.2f ms (shoes %.2f ms, history %.2f ms); decode %s\n", name, all_ms, shoes_ms,
                Ms(t0) / 10, name);
  }
  auto t0 = std::chrono::steady_clock::now();
  for (int i = 0; i < 5; ++i) DecodeStore(all, FirstScreenNeeds(today));
  std::printf("  DecodeStore with the older years later: %.2f ms (whole: ", Ms(t0) / 5);
  t0 = std::chrono::steady_clock::now();
  for (int i = 0; i < 5; ++i) DecodeStore(all);
  std::printf("%.2f ms)\n", Ms(t0) / 5);
}

TEST_CASE("the first read's decode, as the app reads it (figures)", "[.decode_bench]") {
  std::map<std::string, std::string> all = EncodeStoreChanges(nullptr, TenYears()).put;
  std::map<std::string, std::string> first;  // what the preload hands over: all but the series
  for (const auto& [key, value] : all)
    if (key.rfind("series/", 0) != 0) first[key] = value;
  auto time = [](auto&& f) {
    auto t0 = std::chrono::steady_clock::now();
    for (int i = 0; i < 10; ++i) f();
    return Ms(t0) / 10;
  };
  // Late in a year the first screen's weeks lie in that year alone; until late March, in two.
  std::printf("  first read, older years later: %.2f ms on 30 November, %.2f ms on 10 March; whole: %.2f ms\n",
              time([&] { CHECK(DecodeStore(first, FirstScreenNeeds(*ParseDate("2026-11-30"))).damaged.empty()); }),
              time([&] { CHECK(DecodeStore(first, FirstScreenNeeds(*ParseDate("2026-03-10"))).damaged.empty()); }),
              time([&] { CHECK(DecodeStore(first).damaged.empty()); }));
  for (const char* prefix : {"runs/2025", "runs/2026", "cadence/", "pain", "summary"}) {
    std::map<std::string, std::string> some;
    for (const auto& [key, value] : first)
      if (key.rfind(prefix, 0) == 0) some[key] = value;
    std::printf("    %-10s %.2f ms\n", prefix, time([&] { DecodeStore(some); }));
  }
}

// An action that may fail half-way copies the model first, and every write snapshots it: with the
// series shared (CadenceSeries), ten years of sessions cost pointers, not megabytes of floats.
TEST_CASE("one copy of ten years' model (figures)", "[.decode_bench]") {
  const Model model = TenYears();
  std::size_t floats = 0;
  for (const CadenceSession& session : model.cadence_sessions) floats += session.series_spm.size();
  constexpr int kCopies = 20;
  auto t0 = std::chrono::steady_clock::now();
  std::size_t runs = 0;
  for (int i = 0; i < kCopies; ++i) runs += Model(model).runs.size();
  std::printf("  one model copy (%zu runs, %zu sessions, %.1f MB of series): %.3f ms\n", model.runs.size(),
              model.cadence_sessions.size(), floats * sizeof(float) / 1e6, Ms(t0) / kCopies);
  CHECK(runs == kCopies * model.runs.size());
}
