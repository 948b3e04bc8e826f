#pragma once
// How the model is laid out in the browser's key -> text store. Cadence sessions (large,
// written once) each get their own key, "cadence/<id>"; everything else is one "model"
// document, so one change writes one small document plus nothing else. Decoding never fails
// as a whole: a document it cannot read is reported as damaged (to be kept aside), and the
// rest still loads.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model.hpp"

namespace sw {

inline constexpr const char* kModelKey = "model";
inline constexpr const char* kRevisionKey = "rev";
inline constexpr const char* kCadencePrefix = "cadence/";
inline constexpr const char* kDamagedPrefix = "damaged/";

struct DamagedDocument {
  std::string key;
  std::string text;
  std::string reason;  // in plain words
};

struct DecodedStore {
  Model model;
  std::optional<long long> rev;  // nullopt: nothing stored yet
  std::vector<DamagedDocument> damaged;
  std::vector<std::string> kept_aside;  // keys under damaged/ already in the store
};

DecodedStore DecodeStore(const std::map<std::string, std::string>& docs);

struct StoreChanges {
  std::map<std::string, std::string> put;
  std::vector<std::string> remove;
};
// The documents to write to go from `before` to `after` (before == nullptr: write everything).
StoreChanges EncodeStoreChanges(const Model* before, const Model& after);

// The key a damaged document is kept under: "damaged/<key>/<stamp>".
std::string DamagedKey(const std::string& key, const std::string& stamp);

}  // namespace sw
