// A short, deterministic fuzz run inside the normal suite (the long libFuzzer run is
// tests/fuzz/run_fuzz.sh): ~20,000 mutations of the fixtures through ParseBackup and
// import_backup. No crash, and a rejected import leaves the state exactly as it was.
#include <catch2/catch.hpp>

#include <random>

#include "core/actions/actions.hpp"
#include "core/storage/backup.hpp"
#include "core/model/model_json.hpp"
#include "model_samples.hpp"
#include "mutate.hpp"

using nlohmann::json;
using namespace sw;
using namespace sw::test;

TEST_CASE("fixed-seed fuzz of the import path: no crash, rejected imports change nothing", "[fuzz]") {
  std::vector<std::string> seeds = {ReadFixture("schema_v1.json"), ReadFixture("schema_v2.json"),
                                    ExportBackup(SampleModel(), false), ReadFixture("backup_invalid_run.json")};
  std::mt19937 rng(20260310);
  ActionContext context;
  context.today = D("2026-03-10");
  AppState start;
  REQUIRE(Apply(start, {{"type", "add_shoe"}, {"name", "Daily"}}, context).ok);
  const json start_json = ModelToJson(start.model);

  int accepted = 0, rejected = 0;
  for (int i = 0; i < 20000; ++i) {
    std::string text = Mutate(rng, seeds);
    ParsedBackup backup = ParseBackup(text);
    AppState state = start;
    ActionResult result = Apply(state, {{"type", "import_backup"}, {"json", text}, {"confirm", true}}, context);
    if (result.ok != backup.ok) FAIL("ParseBackup and import_backup disagree on input " << i);
    if (result.ok) {
      ++accepted;
      if (!(state.model == backup.model)) FAIL("import did not install the parsed model, input " << i);
    } else {
      ++rejected;
      if (result.error.empty()) FAIL("empty error for input " << i);
      if (ModelToJson(state.model) != start_json || state.model_revision != start.model_revision)
        FAIL("a rejected import changed the state, input " << i);
    }
  }
  CHECK(rejected > 10000);
  CHECK(accepted > 100);  // some mutations stay valid (e.g. a flipped letter inside a name)
}
