#pragma once
// A stored document that could not be read, and where it was kept aside (under damaged/).
#include <string>

namespace sw {

struct DamagedDocument {
  std::string key;
  std::string text;     // the stored bytes, unchanged
  std::string reason;   // in plain words
  bool binary = false;  // stored as bytes, not text
};

struct KeptAside {
  DamagedDocument document;
  std::string kept_as;  // the damaged/ key its bytes were moved to
};

}  // namespace sw
