// add_shoe, update_shoe, retire_shoe, reactivate_shoe, set_shoe_wear (API.md).
#include "core/actions/action_input.hpp"
#include "core/model/dates.hpp"

namespace sw {
namespace {

// The fields add_shoe and update_shoe share, read onto `shoe` (absent fields keep its values).
bool ReadShoeFields(FieldReader& in, Shoe& shoe, const ActionContext& context) {
  std::string name;
  if (in.Has("name") && !(in.String("name", name) && in.Check("name", CleanName(name, shoe.name)))) return false;
  Date purchase{};
  if (!(in.OptNumber("start_distance_m", shoe.start_distance_m) &&
        in.Check("start_distance_m", CheckShoeDistance(shoe.start_distance_m)) &&
        in.OptNumber("warn_at_m", shoe.warn_at_m) && in.Check("warn_at_m", CheckThreshold(shoe.warn_at_m)) &&
        in.OptNumber("replace_at_m", shoe.replace_at_m) &&
        in.Check("replace_at_m", CheckThreshold(shoe.replace_at_m)) &&
        in.Check("warn_at_m", CheckThresholdOrder(shoe.warn_at_m, shoe.replace_at_m)) &&
        in.OptDate("purchase_date", purchase)))
    return false;
  if (in.Has("purchase_date")) {
    if (!in.Check("purchase_date", CheckDateNotFuture(purchase, context.today))) return false;
    shoe.purchase_date = purchase;
  } else if (in.IsNull("purchase_date")) {
    shoe.purchase_date.reset();
  }
  return true;
}

// The first active shoe other than `except` when it is the only one left, else none: with
// several candidates the app should not guess which shoe new runs go on.
std::optional<Id> OnlyOtherActiveShoe(const Model& model, Id except) {
  std::optional<Id> found;
  for (const Shoe& shoe : model.shoes) {
    if (shoe.retired || shoe.id == except) continue;
    if (found) return std::nullopt;
    found = shoe.id;
  }
  return found;
}

// Reads "id" and finds the shoe, or fails with "<type>: no shoe has id N.".
Shoe* RequireShoe(FieldReader& in, Model& model) {
  Id id = 0;
  if (!in.IdField("id", id)) return nullptr;
  Shoe* shoe = FindShoe(model, id);
  if (!shoe) in.Fail("no shoe has id " + std::to_string(id) + ".");
  return shoe;
}

}  // namespace

ActionResult ApplyAddShoe(AppState& draft, const Action& given, const ActionContext& context) {
  const nlohmann::json& action = given.fields;
  FieldReader in(action, "add_shoe");
  Model& model = draft.model;
  Shoe shoe;
  shoe.warn_at_m = model.settings.default_warn_at_m;
  shoe.replace_at_m = model.settings.default_replace_at_m;
  std::optional<bool> is_default;
  bool flag = false;
  if (!in.Has("name")) {
    std::string unused;
    in.String("name", unused);
    return FailWith(in);
  }
  if (!ReadShoeFields(in, shoe, context) || !in.OptBool("is_default", flag)) return FailWith(in);
  if (in.Has("is_default")) is_default = flag;
  if (!TakeNextId(model, context, shoe.id)) return NoMoreIds("add_shoe");
  InsertInIdOrder(model.shoes, shoe);
  // The first shoe (or the first while no active shoe is the default) becomes the default.
  if (is_default.value_or(!model.default_shoe_id)) model.default_shoe_id = shoe.id;
  return Created(shoe.id);
}

ActionResult ApplyUpdateShoe(AppState& draft, const Action& given, const ActionContext& context) {
  const nlohmann::json& action = given.fields;
  FieldReader in(action, "update_shoe");
  Model& model = draft.model;
  Shoe* shoe = RequireShoe(in, model);
  bool is_default = false;
  if (!shoe || !ReadShoeFields(in, *shoe, context) || !in.OptBool("is_default", is_default)) return FailWith(in);
  if (in.Has("is_default")) {
    if (is_default && shoe->retired)
      return ActionResult::Fail("update_shoe: a retired shoe cannot be the default; reactivate it first.");
    if (is_default) model.default_shoe_id = shoe->id;
    else if (model.default_shoe_id == shoe->id) model.default_shoe_id.reset();
  }
  return ActionResult::Ok();
}

ActionResult ApplyRetireShoe(AppState& draft, const Action& given, const ActionContext& context) {
  const nlohmann::json& action = given.fields;
  FieldReader in(action, "retire_shoe");
  Model& model = draft.model;
  Shoe* shoe = RequireShoe(in, model);
  if (!shoe) return FailWith(in);
  if (!shoe->retired) shoe->retired_on = context.today;  // retiring it again keeps the first day
  shoe->retired = true;
  if (model.default_shoe_id == shoe->id) model.default_shoe_id = OnlyOtherActiveShoe(model, shoe->id);
  return ActionResult::Ok();
}

ActionResult ApplyReactivateShoe(AppState& draft, const Action& given, const ActionContext&) {
  const nlohmann::json& action = given.fields;
  FieldReader in(action, "reactivate_shoe");
  Model& model = draft.model;
  Shoe* shoe = RequireShoe(in, model);
  if (!shoe) return FailWith(in);
  shoe->retired = false;
  shoe->retired_on.reset();
  if (!model.default_shoe_id) model.default_shoe_id = shoe->id;
  return ActionResult::Ok();
}

ActionResult ApplySetShoeWear(AppState& draft, const Action& given, const ActionContext&) {
  const nlohmann::json& action = given.fields;
  FieldReader in(action, "set_shoe_wear");
  Shoe* shoe = RequireShoe(in, draft.model);
  if (!shoe) return FailWith(in);
  ShoeWear wear = shoe->wear;  // a field left out keeps its tick
  if (!(in.OptBool("uneven_wear", wear.uneven_wear) && in.OptBool("discomfort", wear.discomfort) &&
        in.OptBool("stride_change", wear.stride_change)))
    return FailWith(in);
  shoe->wear = wear;
  return ActionResult::Ok();
}

}  // namespace sw
