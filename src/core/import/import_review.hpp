#pragma once
// Activities read from files become a review: which are runs to save (ticked), which are already
// in the log (marked and skipped), and the shoe each goes on (the pair in use on its date). The
// runner changes ticks and shoes; saving adds the ticked rows as runs in one change.
#include <optional>
#include <string>
#include <vector>

#include "core/import/activity.hpp"
#include "core/model/model.hpp"

namespace sw::import {

enum class ImportStatus { Idle, Reading, Review, Done, Error };
inline constexpr std::string_view kImportStatusNames[] = {"idle", "reading", "review", "done", "error"};

// Why a row is skipped as already there.
enum class Duplicate {
  None,
  InLog,    // a run in the log: same start within 5 minutes (or, typed by hand, the same day) and distance within 2 %
  InBatch,  // an earlier row of this import is the same workout (a file picked twice, a zip and its file)
};

struct ImportRow {
  ImportedActivity activity;
  std::optional<Date> date;      // the runner's local date (nullopt: the file has none; cannot be saved)
  bool selected = false;         // ticked for saving
  std::optional<Id> shoe_id;     // the pair it goes on
  Duplicate duplicate = Duplicate::None;
  std::optional<Id> duplicate_run_id;  // the logged run it matches
  // Saving needs a date and a distance the log accepts; otherwise the row says why not.
  std::string cannot_save;
  bool operator==(const ImportRow&) const = default;
};

// One import from picking files to Undo: this tab's session, never saved.
struct ImportSession {
  ImportStatus status = ImportStatus::Idle;
  int files_done = 0;
  int files_total = 0;
  bool save_without_review = false;  // import_files with confirm: true
  std::vector<ImportRow> rows;
  // What the worker has sent so far, a batch at a time (import_read with more: true), so no one
  // task on the page takes in two thousand activities at once; the review is built from it at the end.
  std::vector<ImportedActivity> arriving;
  std::vector<FileFailure> failed;
  int imported = 0;    // runs the last save added
  int duplicates = 0;  // rows of the last review that were already there
  std::vector<Id> last_import_ids;  // what Undo takes back
  std::string error;   // status Error: why nothing could be imported
};

// The running sports the review ticks by default.
bool TickedByDefault(const ImportRow& row);

// The pair a run on `date` was most likely run in: among the pairs in use then (bought by then,
// and for a retired pair, its last logged run at most 30 days before), the one with a logged run
// nearest that date, else the newest pair bought by then, else the default (or any active) pair
// with no purchase date. nullopt when none fits.
std::optional<Id> ShoeInUseOn(const Model& model, Date date);

// Rows for `activities` against what the log holds: dates, duplicates, default ticks and shoes;
// newest first (the order state().import.found and the review list show).
std::vector<ImportRow> BuildReview(const Model& model, std::vector<ImportedActivity> activities);

// The run a ticked row becomes (id 0: the caller gives it one).
Run RunFromRow(const ImportRow& row);

}  // namespace sw::import
