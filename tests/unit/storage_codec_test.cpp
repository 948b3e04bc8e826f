#include <catch2/catch.hpp>

#include <cstring>
#include <random>

#include <nlohmann/json.hpp>

#include "core/model/dates.hpp"
#include "core/model/model_json.hpp"
#include "core/storage/storage_codec.hpp"
#include "mutate.hpp"

using namespace sw;

namespace {

Run MakeRun(Id id, const char* date, double metres, std::optional<Id> shoe = std::nullopt) {
  Run run;
  run.id = id;
  run.date = *ParseDate(date);
  run.distance_m = metres;
  run.shoe_id = shoe;
  return run;
}

Model SampleModel() {
  Model m;
  Shoe shoe;
  shoe.id = 1;
  shoe.name = "Pegasus";
  m.shoes.push_back(shoe);
  m.default_shoe_id = 1;
  m.runs.push_back(MakeRun(2, "2026-11-20", 8000, 1));
  CadenceSession session;
  session.id = 3;
  session.date = *ParseDate("2026-11-21");
  session.duration_s = 3;
  session.mean_spm = 172;
  session.series_spm = {170.25f, 172, 173.9f};
  m.cadence_sessions.push_back(session);
  m.runs.push_back(MakeRun(4, "2025-12-31", 5000));
  m.runs.push_back(MakeRun(5, "2026-01-01", 6000, 1));
  PainEntry pain;
  pain.id = 6;
  pain.date = *ParseDate("2026-11-22");
  pain.severity = 2;
  m.pain.push_back(pain);
  m.next_id = 7;
  return m;
}

std::map<std::string, std::string> Store(const Model& m, long long rev = 1) {
  StoreChanges changes = EncodeStoreChanges(nullptr, m);
  changes.put[kRevisionKey] = std::to_string(rev);
  return changes.put;
}

std::vector<std::string> Keys(const StoreChanges& changes) {
  std::vector<std::string> keys;
  for (const auto& [key, value] : changes.put) keys.push_back(key);
  return keys;
}

}  // namespace

TEST_CASE("the store round-trips the model in parts: settings, lists, runs by year, sessions with raw series",
          "[storage]") {
  Model m = SampleModel();
  StoreChanges all = EncodeStoreChanges(nullptr, m);
  CHECK(Keys(all) == std::vector<std::string>{"cadence", "pain", "runs/2025", "runs/2026", "series/3", "settings",
                                              "shoes", "strength", "summary"});
  CHECK(all.binary == std::set<std::string>{"series/3"});
  CHECK(all.put["series/3"].size() == 3 * sizeof(float));
  CHECK(all.put["cadence"].find("series") == std::string::npos);  // the series is stored apart, as bytes
  CHECK(all.put["runs/2025"].find("\"id\":4") != std::string::npos);
  CHECK(all.put["runs/2025"].find("\"id\":5") == std::string::npos);
  auto docs = Store(m, 5);
  DecodedStore decoded = DecodeStore(docs);
  CHECK(decoded.damaged.empty());
  CHECK_FALSE(decoded.needs_rewrite);
  REQUIRE(decoded.rev == 5);
  CHECK(decoded.model == m);  // the series' floats come back bit for bit
}

TEST_CASE("an empty store decodes to a fresh model with no revision", "[storage]") {
  DecodedStore decoded = DecodeStore({});
  CHECK_FALSE(decoded.rev);
  CHECK(decoded.model == Model{});
}

TEST_CASE("a change writes only the documents it touched", "[storage]") {
  Model before = SampleModel();
  Model after = before;
  CHECK(EncodeStoreChanges(&before, after).put.empty());

  SECTION("editing a run writes its year") {
    after.runs[0].distance_m = 9000;
    StoreChanges changes = EncodeStoreChanges(&before, after);
    CHECK(Keys(changes) == std::vector<std::string>{"runs/2026", "summary"});
    CHECK(changes.remove.empty());
  }
  SECTION("logging a run writes its year and the settings part (next_id)") {
    after.runs.push_back(MakeRun(7, "2026-11-25", 4000));
    after.next_id = 8;
    CHECK(Keys(EncodeStoreChanges(&before, after)) == std::vector<std::string>{"runs/2026", "settings", "summary"});
  }
  SECTION("moving the last run of a year to another year writes one and removes the other") {
    after.runs[1].date = *ParseDate("2026-01-02");
    StoreChanges changes = EncodeStoreChanges(&before, after);
    CHECK(Keys(changes) == std::vector<std::string>{"runs/2026", "summary"});
    CHECK(changes.remove == std::vector<std::string>{"runs/2025"});
  }
  SECTION("a session's fields are rewritten without its series; a new series is written as bytes") {
    after.cadence_sessions[0].mean_spm = 171;
    CHECK(Keys(EncodeStoreChanges(&before, after)) == std::vector<std::string>{"cadence"});
    after.cadence_sessions[0].series_spm.push_back(175);
    StoreChanges changes = EncodeStoreChanges(&before, after);
    CHECK(Keys(changes) == std::vector<std::string>{"cadence", "series/3"});
    CHECK(changes.binary == std::set<std::string>{"series/3"});
  }
  SECTION("a new series alone writes the series alone") {
    after.cadence_sessions[0].series_spm.push_back(175);
    CHECK(Keys(EncodeStoreChanges(&before, after)) == std::vector<std::string>{"series/3"});
  }
  SECTION("deleting a session rewrites the sessions and removes its series") {
    after.cadence_sessions.clear();
    StoreChanges changes = EncodeStoreChanges(&before, after);
    CHECK(Keys(changes) == std::vector<std::string>{"cadence"});
    CHECK(changes.remove == std::vector<std::string>{"series/3"});
  }
  SECTION("a settings change writes the small settings part only") {
    after.settings.weekly_increase_limit_pct = 12;
    StoreChanges changes = EncodeStoreChanges(&before, after);
    REQUIRE(Keys(changes) == std::vector<std::string>{"settings"});
    CHECK(changes.put["settings"].size() < 400);
  }
}

TEST_CASE("the encoder gives the same documents one part per step, each step naming its key", "[storage]") {
  Model before = SampleModel();
  Model after = before;
  after.runs[1].date = *ParseDate("2026-01-02");  // a year written, a year removed
  after.cadence_sessions[0].series_spm.push_back(175);
  for (const Model* base : {static_cast<const Model*>(nullptr), static_cast<const Model*>(&before)}) {
    StoreChanges whole = EncodeStoreChanges(base, after);
    StoreChanges stepped;
    StoreChangeEncoder encoder(base, after);
    std::vector<std::string> keys;
    while (!encoder.Done()) {
      std::size_t had = stepped.put.size();
      keys.push_back(encoder.Step(stepped));
      CHECK(stepped.put.size() == had + 1);  // one part per step
      CHECK(stepped.put.count(keys.back()));
    }
    CHECK(stepped.put == whole.put);
    CHECK(stepped.binary == whole.binary);
    CHECK(encoder.removals() == whole.remove);
    CHECK(keys.size() == whole.put.size());
  }
}

TEST_CASE("a store in the earlier layout (one model document, sessions with JSON series) reads and asks for a rewrite",
          "[storage]") {
  Model m = SampleModel();
  Model without_sessions = m;
  without_sessions.cadence_sessions.clear();
  std::map<std::string, std::string> docs = {
      {"rev", "9"},
      {"model", ModelToJson(without_sessions).dump()},
      {"cadence/3", CadenceSessionToJson(m.cadence_sessions[0]).dump()},
  };
  DecodedStore decoded = DecodeStore(docs);
  CHECK(decoded.damaged.empty());
  CHECK(decoded.model == m);
  CHECK(decoded.needs_rewrite);
  CHECK(decoded.obsolete_keys == std::vector<std::string>{"model", "cadence/3"});
  // Written afresh and read back, it is the same model in the current layout.
  DecodedStore again = DecodeStore(Store(decoded.model));
  CHECK(again.model == m);
  CHECK_FALSE(again.needs_rewrite);
}

TEST_CASE("unreadable parts are reported as damaged and the rest still loads", "[storage]") {
  Model m = SampleModel();
  auto docs = Store(m);
  SECTION("a cut-short year of runs") {
    docs["runs/2026"] = docs["runs/2026"].substr(0, docs["runs/2026"].size() / 2);
    DecodedStore decoded = DecodeStore(docs);
    REQUIRE(decoded.damaged.size() == 1);
    CHECK(decoded.damaged[0].key == "runs/2026");
    CHECK(decoded.damaged[0].text == docs["runs/2026"]);
    CHECK(decoded.damaged[0].reason.find("runs of 2026") != std::string::npos);
    CHECK(decoded.damaged[0].reason.find("not valid JSON") != std::string::npos);
    REQUIRE(decoded.model.runs.size() == 1);  // 2025's run is still there
    CHECK(decoded.model.runs[0].id == 4);
    CHECK(decoded.model.cadence_sessions.size() == 1);
    CHECK(decoded.model.next_id == 7);
  }
  SECTION("a part from a newer version") {
    docs["shoes"] = R"({"schema": 99, "app": "stridewise", "shoes": []})";
    DecodedStore decoded = DecodeStore(docs);
    REQUIRE(decoded.damaged.size() == 1);
    CHECK(decoded.damaged[0].reason.find("newer") != std::string::npos);
    // The runs that wore the lost shoes keep everything but the link; the default shoe is gone.
    CHECK(decoded.model.runs.size() == 3);
    CHECK_FALSE(decoded.model.runs[0].shoe_id);
    CHECK_FALSE(decoded.model.default_shoe_id);
    std::string error;
    CHECK(ValidateModel(decoded.model, error));
  }
  SECTION("lost settings: defaults, and new ids still cannot collide") {
    docs["settings"] = "{";
    DecodedStore decoded = DecodeStore(docs);
    REQUIRE(decoded.damaged.size() == 1);
    CHECK(decoded.model.settings == Settings{});
    CHECK(decoded.model.next_id == 7);
  }
  SECTION("a damaged cadence record") {
    docs["cadence"] = R"({"schema": 3, "app": "stridewise", "cadence_sessions": [{"id": 3, "date": "2026-13-40"}]})";
    DecodedStore decoded = DecodeStore(docs);
    REQUIRE(decoded.damaged.size() == 1);
    CHECK(decoded.damaged[0].key == "cadence");
    CHECK(decoded.model.runs.size() == 3);
    CHECK(decoded.model.cadence_sessions.empty());
  }
  SECTION("a series of the wrong length or with values that are not a cadence") {
    for (std::string bad : {std::string("abc"), std::string(4, '\xff')}) {
      docs["series/3"] = bad;
      DecodedStore decoded = DecodeStore(docs);
      REQUIRE(decoded.damaged.size() == 1);
      CHECK(decoded.damaged[0].key == "series/3");
      CHECK(decoded.damaged[0].binary);
      CHECK(decoded.damaged[0].text == bad);
      REQUIRE(decoded.model.cadence_sessions.size() == 1);  // the session itself stays
      CHECK(decoded.model.cadence_sessions[0].series_spm.empty());
    }
  }
  SECTION("a run filed under the wrong year, or saved twice") {
    auto moved = docs;
    moved["runs/2024"] = moved["runs/2025"];
    moved.erase("runs/2025");
    DecodedStore wrong_year = DecodeStore(moved);
    REQUIRE(wrong_year.damaged.size() == 1);
    CHECK(wrong_year.damaged[0].reason.find("not from that year") != std::string::npos);
    auto twice = docs;
    twice["cadence/30"] = R"({"schema": 3, "app": "stridewise", "cadence_sessions": [{"id": 3, "date": "2026-11-21"}]})";
    DecodedStore saved_twice = DecodeStore(twice);
    REQUIRE(saved_twice.damaged.size() == 1);
    CHECK(saved_twice.damaged[0].key == "cadence/30");
  }
  SECTION("the earlier layout's cut-short model document") {
    docs = {{"model", R"({"schema": 2, "app": "stridewise", "shoes": [)"}};
    DecodedStore decoded = DecodeStore(docs);
    REQUIRE(decoded.damaged.size() == 1);
    CHECK(decoded.damaged[0].key == "model");
    CHECK(decoded.damaged[0].reason.find("saved log") != std::string::npos);
  }
  SECTION("documents kept aside earlier are listed, not read; keys that are not ours are left alone") {
    docs[DamagedKey("runs/2026", "20261126T050000Z")] = "garbage";
    docs["someone-else"] = "{}";
    docs["series/99"] = std::string(8, '\0');  // no session 99: left alone
    DecodedStore decoded = DecodeStore(docs);
    CHECK(decoded.damaged.empty());
    CHECK(decoded.kept_aside == std::vector<std::string>{"damaged/runs/2026/20261126T050000Z"});
    CHECK(decoded.model == m);
  }
}

TEST_CASE("runs are read in id order whatever order a document lists them in", "[storage][model]") {
  Model m = SampleModel();
  nlohmann::json document = ModelToJson(m);
  std::reverse(document["runs"].begin(), document["runs"].end());
  Model read;
  std::string error;
  REQUIRE(ModelFromJson(document, read, error));
  CHECK(read == m);
}

TEST_CASE("fixed-seed fuzz of the stored parts: whatever one part holds, what loads is valid and round-trips",
          "[storage][fuzz]") {
  const Model m = SampleModel();
  const auto store = Store(m, 3);
  std::vector<std::string> keys, seeds;
  for (const auto& [key, value] : store) {
    keys.push_back(key);
    seeds.push_back(value);
  }
  std::mt19937 rng(20261126);
  int damaged = 0, clean = 0;
  for (int i = 0; i < 5000; ++i) {
    auto docs = store;
    const std::string& key = keys[std::uniform_int_distribution<std::size_t>(0, keys.size() - 1)(rng)];
    docs[key] = test::Mutate(rng, seeds);
    DecodedStore decoded = DecodeStore(docs);
    std::string error;
    if (!ValidateModel(decoded.model, error)) FAIL("input " << i << " (" << key << ") loaded an invalid model: " << error);
    // Usually the changed part is the damaged one; a changed part that now claims another part's
    // ids makes that one unreadable instead. Either way the bytes are reported as found.
    for (const DamagedDocument& d : decoded.damaged)
      if (!docs.count(d.key) || d.text != docs[d.key]) FAIL("input " << i << ": damaged bytes not kept as found");
    (decoded.damaged.empty() ? clean : damaged)++;
    DecodedStore again = DecodeStore(Store(decoded.model));
    if (!again.damaged.empty() || !(again.model == decoded.model))
      FAIL("input " << i << " (" << key << "): what loaded does not survive being written and read again");
  }
  CHECK(damaged > 2500);
  CHECK(clean > 100);
}

// [SECTION] The series read after the first frame (issue 17)

TEST_CASE("a store read without its series, then the series alone, gives the model a whole read gives",
          "[storage][later]") {
  Model m = SampleModel();
  CadenceSession second = m.cadence_sessions[0];
  second.id = 7;
  second.series_spm = {160, 161.5f};
  m.cadence_sessions.push_back(second);
  m.next_id = 8;
  std::map<std::string, std::string> docs = Store(m, 4);
  std::map<std::string, std::string> first, later;
  for (const auto& [key, value] : docs) (key.rfind(kSeriesPrefix, 0) == 0 ? later : first)[key] = value;
  REQUIRE(later.size() == 2);

  DecodedStore decoded = DecodeStore(first);
  CHECK(decoded.damaged.empty());
  CHECK(decoded.rev == 4);
  CHECK(SessionsWithoutSeries(decoded.model) == std::set<Id>{3, 7});
  DecodedSeries series = DecodeSeries(later);
  CHECK(series.damaged.empty());
  REQUIRE(series.sessions->cadence_sessions.size() == 2);
  for (CadenceSession& session : decoded.model.cadence_sessions)
    for (const CadenceSession& read : series.sessions->cadence_sessions)
      if (read.id == session.id) session.series_spm = read.series_spm;
  CHECK(decoded.model == DecodeStore(docs).model);
  CHECK(decoded.model == m);
}

TEST_CASE("an unreadable series read later is reported as damaged; keys that are not series are left alone",
          "[storage][later]") {
  std::map<std::string, std::string> docs = {{"series/3", std::string("\x01\x02\x03", 3)},
                                             {"series/4", std::string(8, '\0')},
                                             {"series/x", "?"},
                                             {"settings", "{}"}};
  DecodedSeries read = DecodeSeries(docs);
  REQUIRE(read.damaged.size() == 1);
  CHECK(read.damaged[0].key == "series/3");
  CHECK(read.damaged[0].binary);
  REQUIRE(read.sessions->cadence_sessions.size() == 1);
  CHECK(read.sessions->cadence_sessions[0].id == 4);
  CHECK(read.sessions->cadence_sessions[0].series_spm == std::vector<float>{0, 0});
}

TEST_CASE("an unread series' empty placeholder is never written over the stored series", "[storage][later]") {
  Model stored = SampleModel();  // session 3 with a series
  Model read = stored;
  read.cadence_sessions[0].series_spm.clear();  // as the first read gives it: series unread
  std::set<Id> unread = {3};
  SECTION("a change elsewhere writes neither of the session's documents") {
    Model after = read;
    after.runs.push_back(MakeRun(7, "2026-11-25", 4000));
    after.next_id = 8;
    CHECK(Keys(EncodeStoreChanges(&read, after, &unread)) == std::vector<std::string>{"runs/2026", "settings", "summary"});
  }
  SECTION("a rewrite of every part (an earlier layout) leaves the unread series out") {
    StoreChanges all = EncodeStoreChanges(nullptr, read, &unread);
    CHECK(all.put.count("cadence"));
    CHECK_FALSE(all.put.count("series/3"));
    CHECK(EncodeStoreChanges(nullptr, read).put.count("series/3"));  // without the list it would be emptied
  }
  SECTION("a new series for that id (a restored backup) is written") {
    Model after = read;
    after.cadence_sessions[0].series_spm = {150, 151};
    StoreChanges changes = EncodeStoreChanges(&read, after, &unread);
    CHECK(changes.put.count("series/3"));
  }
  SECTION("deleting the session removes its series too") {
    Model after = read;
    after.cadence_sessions.clear();
    CHECK(EncodeStoreChanges(&read, after, &unread).remove == std::vector<std::string>{"series/3"});
  }
}
