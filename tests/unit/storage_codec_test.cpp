#include <catch2/catch.hpp>

#include "core/dates.hpp"
#include "core/storage_codec.hpp"

using namespace sw;

namespace {

Model SampleModel() {
  Model m;
  Shoe shoe;
  shoe.id = 1;
  shoe.name = "Pegasus";
  m.shoes.push_back(shoe);
  m.default_shoe_id = 1;
  Run run;
  run.id = 2;
  run.date = *ParseDate("2026-11-20");
  run.distance_m = 8000;
  run.shoe_id = 1;
  m.runs.push_back(run);
  CadenceSession session;
  session.id = 3;
  session.date = *ParseDate("2026-11-21");
  session.duration_s = 3;
  session.mean_spm = 172;
  session.series_spm = {170, 172, 174};
  m.cadence_sessions.push_back(session);
  m.next_id = 4;
  return m;
}

std::map<std::string, std::string> Store(const Model& m, long long rev = 1) {
  StoreChanges changes = EncodeStoreChanges(nullptr, m);
  changes.put[kRevisionKey] = std::to_string(rev);
  return changes.put;
}

}  // namespace

TEST_CASE("the store round-trips the model; cadence sessions live under their own keys", "[storage]") {
  Model m = SampleModel();
  auto docs = Store(m, 5);
  CHECK(docs.count("model") == 1);
  CHECK(docs.count("cadence/3") == 1);
  CHECK(docs["model"].find("series") == std::string::npos);  // the series is not in the main document
  CHECK(docs["cadence/3"].find("172") != std::string::npos);
  DecodedStore decoded = DecodeStore(docs);
  CHECK(decoded.damaged.empty());
  REQUIRE(decoded.rev == 5);
  CHECK(decoded.model == m);
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
  after.runs[0].distance_m = 9000;
  StoreChanges run_change = EncodeStoreChanges(&before, after);
  CHECK(run_change.put.size() == 1);
  CHECK(run_change.put.count("model") == 1);
  CHECK(run_change.remove.empty());
  Model without_session = before;
  without_session.cadence_sessions.clear();
  StoreChanges removal = EncodeStoreChanges(&before, without_session);
  CHECK(removal.put.empty());
  CHECK(removal.remove == std::vector<std::string>{"cadence/3"});
}

TEST_CASE("unreadable documents are reported as damaged and the rest still loads", "[storage]") {
  Model m = SampleModel();
  SECTION("a cut-short main document") {
    auto docs = Store(m);
    docs["model"] = docs["model"].substr(0, docs["model"].size() / 2);
    DecodedStore decoded = DecodeStore(docs);
    REQUIRE(decoded.damaged.size() == 1);
    CHECK(decoded.damaged[0].key == "model");
    CHECK(decoded.damaged[0].text == docs["model"]);
    CHECK(decoded.damaged[0].reason.find("not valid JSON") != std::string::npos);
    CHECK(decoded.model.runs.empty());
    REQUIRE(decoded.model.cadence_sessions.size() == 1);  // still there
    CHECK(decoded.model.next_id == 4);  // new ids cannot collide with the session kept
  }
  SECTION("a document from a newer version") {
    auto docs = Store(m);
    docs["model"] = R"({"schema": 99, "app": "stridewise"})";
    DecodedStore decoded = DecodeStore(docs);
    REQUIRE(decoded.damaged.size() == 1);
    CHECK(decoded.damaged[0].reason.find("newer") != std::string::npos);
  }
  SECTION("a damaged cadence record") {
    auto docs = Store(m);
    docs["cadence/3"] = "{\"id\": 3, \"date\": \"2026-13-40\"}";
    DecodedStore decoded = DecodeStore(docs);
    REQUIRE(decoded.damaged.size() == 1);
    CHECK(decoded.damaged[0].key == "cadence/3");
    CHECK(decoded.model.runs.size() == 1);
    CHECK(decoded.model.cadence_sessions.empty());
  }
  SECTION("documents kept aside earlier are listed, not read") {
    auto docs = Store(m);
    docs[DamagedKey("model", "20261126T050000Z")] = "garbage";
    DecodedStore decoded = DecodeStore(docs);
    CHECK(decoded.damaged.empty());
    CHECK(decoded.kept_aside == std::vector<std::string>{"damaged/model/20261126T050000Z"});
  }
}
