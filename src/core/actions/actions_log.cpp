// log_strength, log_pain and their deletes (API.md; the deletes serve the Log screen's lists).
#include "core/actions/action_input.hpp"
#include "core/model/model_json.hpp"

namespace sw {

ActionResult ApplyLogStrength(AppState& draft, const Action& given, const ActionContext& context) {
  const nlohmann::json& action = given.fields;
  FieldReader in(action, "log_strength");
  StrengthSession session;
  if (!(in.DateField("date", session.date) && in.Check("date", CheckDateNotFuture(session.date, context.today)) &&
        ReadExercises(in, session.exercises)))
    return FailWith(in);
  if (!TakeNextId(draft.model, context, session.id)) return NoMoreIds("log_strength");
  InsertInIdOrder(draft.model.strength, session);
  return Created(session.id);
}

ActionResult ApplyLogPain(AppState& draft, const Action& given, const ActionContext& context) {
  const nlohmann::json& action = given.fields;
  FieldReader in(action, "log_pain");
  PainEntry entry;
  int area = 0, side = 0;
  std::string note;
  if (!(in.DateField("date", entry.date) && in.Check("date", CheckDateNotFuture(entry.date, context.today)) &&
        in.Choice("area", kPainAreaNames, area) && in.Choice("side", kBodySideNames, side) &&
        in.Int("severity", entry.severity) && in.Check("severity", CheckSeverity(entry.severity)) &&
        in.OptBool("worse_with_activity", entry.worse_with_activity) &&
        in.OptBool("changes_gait", entry.changes_gait) && in.OptString("note", note) &&
        in.Check("note", CleanNote(note, entry.note))))
    return FailWith(in);
  entry.area = PainArea(area);
  entry.side = BodySide(side);
  if (!TakeNextId(draft.model, context, entry.id)) return NoMoreIds("log_pain");
  InsertInIdOrder(draft.model.pain, entry);
  return Created(entry.id);
}

ActionResult ApplyDeletePain(AppState& draft, const Action& given, const ActionContext&) {
  const nlohmann::json& action = given.fields;
  FieldReader in(action, "delete_pain");
  Id id = 0;
  if (!in.IdField("id", id)) return FailWith(in);
  int index = IndexOfPain(draft.model, id);
  if (index < 0) return ActionResult::Fail("delete_pain: no pain entry has id " + std::to_string(id) + ".");
  draft.model.pain.erase(draft.model.pain.begin() + index);
  return ActionResult::Ok();
}

ActionResult ApplyDeleteStrength(AppState& draft, const Action& given, const ActionContext&) {
  const nlohmann::json& action = given.fields;
  FieldReader in(action, "delete_strength");
  Id id = 0;
  if (!in.IdField("id", id)) return FailWith(in);
  int index = IndexOfStrength(draft.model, id);
  if (index < 0)
    return ActionResult::Fail("delete_strength: no strength session has id " + std::to_string(id) + ".");
  draft.model.strength.erase(draft.model.strength.begin() + index);
  return ActionResult::Ok();
}

}  // namespace sw
