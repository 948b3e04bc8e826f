#include <catch2/catch.hpp>

#include "core/model/model_json.hpp"
#include "core/model/schema_migrations.hpp"
#include "model_samples.hpp"

using nlohmann::json;
using namespace sw;
using namespace sw::test;

namespace {

// What schema 3's fixture must become: the sample model without what imports added in schema 4.
Model ExpectedFromV3() {
  Model m = SampleModel();
  for (Run& run : m.runs) {
    run.source.reset();
    run.moving_s.reset();
    run.elapsed_s.reset();
    run.cadence_spm.reset();
  }
  return m;
}

// What schema 2's fixture must become: the sample model with the default look.
Model ExpectedFromV2() {
  Model m = ExpectedFromV3();
  m.settings.theme = Theme::System;
  m.settings.text_size_pct = 100;
  return m;
}

// What schema 1's fixture must become: the sample model less what schema 1 could not hold.
Model ExpectedFromV1() {
  Model m = ExpectedFromV2();
  m.settings.default_warn_at_m = kDefaultWarnAtM;
  m.settings.default_replace_at_m = kDefaultReplaceAtM;
  m.settings.strength_target_per_week = 2;
  for (Shoe& shoe : m.shoes) shoe.wear = ShoeWear{};
  m.shoes[1].warn_at_m = kDefaultWarnAtM;
  m.shoes[1].replace_at_m = kDefaultReplaceAtM;
  m.strength.clear();
  m.cadence_sessions.clear();
  return m;
}

std::string MigrateError(json document) {
  json before = document;
  std::string error;
  CHECK_FALSE(MigrateToCurrent(document, error));
  CHECK(document == before);
  return error;
}

}  // namespace

TEST_CASE("schema 1 migrates to exactly the expected current model", "[schema]") {
  json doc = json::parse(ReadFixture("schema_v1.json"));
  std::string error;
  int from = 0;
  REQUIRE(MigrateToCurrent(doc, error, &from));
  CHECK(from == 1);
  CHECK(doc["schema"] == kCurrentSchema);
  CHECK(doc["runs"][1]["distance_m"] == 10000.5);
  CHECK_FALSE(doc["runs"][1].contains("distance_km"));
  Model model;
  INFO(error);
  REQUIRE(ModelFromJson(doc, model, error));
  CHECK(model == ExpectedFromV1());
}

TEST_CASE("schema 2 migrates: the look of the app takes its defaults", "[schema]") {
  json doc = json::parse(ReadFixture("schema_v2.json"));
  std::string error;
  int from = 0;
  REQUIRE(MigrateToCurrent(doc, error, &from));
  CHECK(from == 2);
  CHECK(doc["schema"] == kCurrentSchema);
  CHECK(doc["settings"]["theme"] == "system");
  CHECK(doc["settings"]["text_size_pct"] == 100);
  Model model;
  INFO(error);
  REQUIRE(ModelFromJson(doc, model, error));
  CHECK(model == ExpectedFromV2());
}

TEST_CASE("schema 3 migrates: only the number changes (imported runs' fields are optional)", "[schema]") {
  json doc = json::parse(ReadFixture("schema_v3.json"));
  json before = doc;
  std::string error;
  int from = 0;
  REQUIRE(MigrateToCurrent(doc, error, &from));
  CHECK(from == 3);
  before["schema"] = 4;
  CHECK(doc == before);
  Model model;
  INFO(error);
  REQUIRE(ModelFromJson(doc, model, error));
  CHECK(model == ExpectedFromV3());
}

TEST_CASE("schema 4 loads as it is", "[schema]") {
  json doc = json::parse(ReadFixture("schema_v4.json"));
  json before = doc;
  std::string error;
  int from = 0;
  REQUIRE(MigrateToCurrent(doc, error, &from));
  CHECK(from == 4);
  CHECK(doc == before);
}

TEST_CASE("newer, foreign or unreadable documents get a clear error and stay as they were", "[schema]") {
  json v2 = json::parse(ReadFixture("schema_v2.json"));
  json newer = v2;
  newer["schema"] = 5;
  CHECK(MigrateError(newer) ==
        "This file comes from a newer version of Stridewise (schema 5; this app reads schemas 1 to 4). "
        "Update the app to open it.");
  json foreign = v2;
  foreign.erase("app");
  CHECK(MigrateError(foreign) == "This is not a Stridewise file (it has no \"app\": \"stridewise\").");
  foreign["app"] = 7;
  CHECK(MigrateError(foreign) == "This is not a Stridewise file (it has no \"app\": \"stridewise\").");
  CHECK(MigrateError(json::array({1, 2})) == "This is not a Stridewise file: it holds no JSON object.");
  json no_schema = v2;
  no_schema["schema"] = "2";
  CHECK(MigrateError(no_schema) == "This Stridewise file has no readable \"schema\" version number.");
  no_schema["schema"] = 0;
  CHECK(MigrateError(no_schema) == "This Stridewise file has an unknown schema 0.");
  json bad_v1 = json::parse(ReadFixture("schema_v1.json"));
  bad_v1["runs"][2]["distance_km"] = "seven";
  CHECK(MigrateError(bad_v1) ==
        "Could not upgrade this file from schema 1: runs[2]: \"distance_km\" must be a finite number.");
}
