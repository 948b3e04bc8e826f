#include <catch2/catch.hpp>

#include "core/model/model_json.hpp"
#include "model_samples.hpp"

using nlohmann::json;
using namespace sw;
using namespace sw::test;

namespace {

Model Reread(const Model& model) {
  Model back;
  std::string error;
  bool ok = ModelFromJson(json::parse(ModelToJson(model).dump()), back, error);
  INFO(error);
  REQUIRE(ok);
  return back;
}

std::string ReadError(const json& document) {
  Model out;
  std::string error;
  CHECK_FALSE(ModelFromJson(document, out, error));
  CHECK(out == Model{});  // nothing half-read
  return error;
}

}  // namespace

TEST_CASE("every field of the model survives model -> JSON text -> model", "[model]") {
  Model sample = SampleModel();
  CHECK(Reread(sample) == sample);
  CHECK(Reread(Model{}) == Model{});
  // Awkward numbers: huge, tiny, many digits.
  sample.runs[0].distance_m = 299999.99999999994;
  sample.runs[0].duration_s = 1e-9;
  sample.shoes[0].start_distance_m = 0.1 + 0.2;
  sample.settings.weekly_increase_limit_pct = 100.0 / 3.0;
  CHECK(Reread(sample) == sample);
}

TEST_CASE("the schema 4 fixture is exactly the sample model, both ways", "[model][schema]") {
  json fixture = json::parse(ReadFixture("schema_v4.json"));
  CHECK(ModelToJson(SampleModel()) == fixture);
  Model model;
  std::string error;
  REQUIRE(ModelFromJson(fixture, model, error));
  CHECK(model == SampleModel());
}

TEST_CASE("documents carry schema, app and API.md names", "[model]") {
  json doc = ModelToJson(SampleModel());
  CHECK(doc["schema"] == kCurrentSchema);
  CHECK(doc["app"] == "stridewise");
  CHECK(doc["settings"]["units"] == "km");
  CHECK(doc["settings"]["week_start"] == "sunday");
  CHECK(doc["runs"][0]["date"] == "2026-03-01");
  CHECK_FALSE(doc["runs"][1].contains("duration_s"));
  CHECK_FALSE(doc["runs"][1].contains("shoe_id"));
  CHECK(doc["pain"][0]["area"] == "lower_back");
  CHECK(ModelToJson(Model{})["default_shoe_id"].is_null());
  for (auto day : {std::chrono::Monday, std::chrono::Tuesday, std::chrono::Wednesday, std::chrono::Thursday,
                   std::chrono::Friday, std::chrono::Saturday, std::chrono::Sunday}) {
    Model m;
    m.settings.week_start = day;
    CHECK(Reread(m).settings.week_start == day);
  }
  CHECK(WeekdayId(std::chrono::Monday) == "monday");
  CHECK(ExerciseId(StrengthExercise::SingleLegSquat) == "single_leg_squat");
  CHECK(BodySideId(BodySide::None) == "none");
}

TEST_CASE("collections read and write on their own and rebuild the whole model", "[model]") {
  Model sample = SampleModel();
  Model rebuilt;
  std::string error;
  for (Collection collection : kAllCollections) {
    json part = json::parse(CollectionToJson(sample, collection).dump());
    INFO(CollectionKey(collection) << ": " << error);
    REQUIRE(CollectionFromJson(rebuilt, collection, part, error));
  }
  CHECK(ValidateModel(rebuilt, error));
  CHECK(rebuilt == sample);
  // A failing collection read leaves that collection as it was.
  json runs = CollectionToJson(sample, Collection::Runs);
  runs[2]["distance_m"] = "far";
  CHECK_FALSE(CollectionFromJson(rebuilt, Collection::Runs, runs, error));
  CHECK(error == "runs[2]: \"distance_m\" must be a number.");
  CHECK(rebuilt.runs == sample.runs);
}

TEST_CASE("cadence series are written short and read back to the same floats", "[model]") {
  CHECK(json(ShortFloat(171.3f)).dump() == "171.3");
  for (float v : {0.0f, 1e-7f, 171.29999f, 180.000015f, 3.4e38f, 123.456789f}) CHECK(float(ShortFloat(v)) == v);
}

TEST_CASE("reading a document validates and says what is wrong", "[model][validation]") {
  const json good = ModelToJson(SampleModel());
  auto with = [&](const char* pointer, json value) {
    json doc = good;
    doc[json::json_pointer(pointer)] = std::move(value);
    return doc;
  };
  auto without = [&](const char* key) {
    json doc = good;
    doc.erase(key);
    return doc;
  };
  CHECK(ReadError(json::array()) == "The document must be a JSON object.");
  CHECK(ReadError(with("/app", "strideless")) == "This is not a Stridewise document (no \"app\": \"stridewise\").");
  CHECK(ReadError(with("/schema", 1)) == "The document is not at schema 4.");
  CHECK(ReadError(without("runs")) == "The document has no \"runs\" list.");
  CHECK(ReadError(without("next_id")) == "The document needs \"next_id\".");
  CHECK(ReadError(with("/next_id", 0)) == "\"next_id\" must be a whole number from 1.");
  CHECK(ReadError(with("/next_id", 9)) == "runs[2]: id 9 is not below next_id 9.");
  CHECK(ReadError(with("/runs", json::object())) == "\"runs\" must be a list.");
  CHECK(ReadError(with("/runs/0", 5)) == "runs[0]: must be an object.");
  CHECK(ReadError(with("/runs/0/id", 4)) == "runs[1]: id 4 is used twice in runs.");
  CHECK(ReadError(with("/runs/0/id", -1)) == "runs[0]: \"id\" must be an id (a whole number from 1).");
  CHECK(ReadError(with("/runs/0/id", 1.5)) == "runs[0]: \"id\" must be an id (a whole number from 1).");
  CHECK(ReadError(with("/runs/0/id", 18446744073709551615ull)) ==
        "runs[0]: \"id\" must be an id (a whole number from 1).");
  CHECK(ReadError(with("/runs/0/date", "2026-02-30")) ==
        "runs[0]: \"date\" must be a date as YYYY-MM-DD (a real calendar day).");
  CHECK(ReadError(with("/runs/0/distance_m", 0)) ==
        "runs[0]: \"distance_m\" must be more than 0 and at most 300 km (300000 m).");
  CHECK(ReadError(with("/runs/0/distance_m", 1e308 * 10)) == "runs[0]: \"distance_m\" must be a finite number.");
  CHECK(ReadError(with("/runs/0/shoe_id", 77)) == "runs[0]: \"shoe_id\" 77 names no shoe.");
  CHECK(ReadError(with("/runs/0/warmup", "yes")) == "runs[0]: \"warmup\" must be true or false.");
  CHECK(ReadError(with("/runs/0/duration_s", 172800)) ==
        "runs[0]: \"duration_s\" must be more than 0 and less than 48 hours (172800 s).");
  CHECK(ReadError(with("/shoes/0/name", "  ")) == "shoes[0]: \"name\" must not be empty.");
  CHECK(ReadError(with("/shoes/0/warn_at_m", 900000)) ==
        "shoes[0]: \"warn_at_m\" must be less than the replace distance.");
  CHECK(ReadError(with("/shoes/0/wear/discomfort", 1)) == "shoes[0].wear: \"discomfort\" must be true or false.");
  CHECK(ReadError(with("/shoes/0/wear", true)) == "shoes[0]: \"wear\" must be an object.");
  CHECK(ReadError(with("/default_shoe_id", 2)) == "\"default_shoe_id\" 2 is a retired shoe.");
  CHECK(ReadError(with("/default_shoe_id", 3)) == "\"default_shoe_id\" 3 names no shoe.");
  CHECK(ReadError(with("/settings/units", "leagues")) == "settings: \"units\" must be one of mi, km.");
  CHECK(ReadError(with("/settings/cadence_low_spm", 190)) ==
        "settings: \"cadence_low_spm\" must satisfy 100 <= low < high <= 250 steps per minute.");
  CHECK(ReadError(with("/pain/0/severity", 11)) == "pain[0]: \"severity\" must be a whole number from 0 to 10.");
  CHECK(ReadError(with("/pain/0/side", "up")) == "pain[0]: \"side\" must be one of left, right, both, none.");
  CHECK(ReadError(with("/strength/0/exercises", json::array({"plank", "plank"}))) ==
        "strength[0]: \"exercises\" lists plank twice.");
  CHECK(ReadError(with("/strength/0/exercises", json::array({"yoga"}))) ==
        "strength[0]: \"exercises\" must be one of bridge, plank, single_leg_squat.");
  CHECK(ReadError(with("/cadence_sessions/0/series_spm/2", "x")) ==
        "cadence_sessions[0]: \"series_spm\" must hold numbers from 0 to 1000.");
}

TEST_CASE("optional fields may be absent in a document and take their defaults", "[model]") {
  json doc = ModelToJson(Model{});
  doc["settings"] = json::object();
  doc["shoes"] = json::array({{{"id", 1}, {"name", "  Ghost  "}}});
  doc["runs"] = json::array({{{"id", 2}, {"date", "2026-01-01"}, {"distance_m", 4000}, {"shoe_id", nullptr}}});
  doc["next_id"] = 3;
  Model model;
  std::string error;
  REQUIRE(ModelFromJson(doc, model, error));
  CHECK(model.settings == Settings{});
  CHECK(model.shoes[0].name == "Ghost");
  CHECK(model.shoes[0].warn_at_m == kDefaultWarnAtM);
  CHECK_FALSE(model.runs[0].shoe_id);
}
