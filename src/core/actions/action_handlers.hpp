#pragma once
// The handlers behind Apply(), one file per family (actions_<family>.cpp).
//
// A handler for an action that always changes the model (Changes::Model) works on the state
// directly; Apply() keeps a copy of the model and puts it back if the handler fails, so such a
// handler may stop half-way. Every other handler checks everything before it changes anything,
// so nothing is copied for it: a live meter's stop or a restored backup copies no ten years.
#include <string_view>

#include "core/actions/actions.hpp"

namespace sw {

using ActionHandler = ActionResult (*)(AppState& state, const Action& action, const ActionContext& context);

enum class Changes {
  Model,      // the runner's data: saved, the revision bumped (on failure the model is restored)
  Session,    // only what this tab shows or does (screen, meter, a waiting import): not saved
  Sometimes,  // the handler says (result.model_changed): cadence_stop, import_confirm; checks first
  Loaded,     // storage's load: the model is what is stored; the revision is bumped, nothing saved
};

struct ActionEntry {
  std::string_view type;
  ActionHandler handler;
  Changes changes;
};

#define SW_HANDLER(name) ActionResult name(AppState& state, const Action& action, const ActionContext& context)
// actions_navigation.cpp
SW_HANDLER(ApplyNavigate);
// actions_settings.cpp
SW_HANDLER(ApplySetUnits);
SW_HANDLER(ApplyUpdateSettings);
SW_HANDLER(ApplySetCadenceTarget);
// actions_shoes.cpp
SW_HANDLER(ApplyAddShoe);
SW_HANDLER(ApplyUpdateShoe);
SW_HANDLER(ApplyRetireShoe);
SW_HANDLER(ApplyReactivateShoe);
SW_HANDLER(ApplySetShoeWear);
// actions_runs.cpp
SW_HANDLER(ApplyAddRun);
SW_HANDLER(ApplyUpdateRun);
SW_HANDLER(ApplyMoveRuns);
SW_HANDLER(ApplyDeleteCadenceSession);
SW_HANDLER(ApplyDeleteRun);
SW_HANDLER(ApplyRestoreRun);
// actions_log.cpp
SW_HANDLER(ApplyLogStrength);
SW_HANDLER(ApplyLogPain);
SW_HANDLER(ApplyDeletePain);
SW_HANDLER(ApplyDeleteStrength);
// actions_cadence.cpp
SW_HANDLER(ApplyAddCadenceSession);
SW_HANDLER(ApplyCadenceStart);
SW_HANDLER(ApplyCadenceStop);
SW_HANDLER(ApplyCadenceTap);
SW_HANDLER(ApplyCadenceOptions);
SW_HANDLER(ApplyCadenceTick);
// actions_backup.cpp
SW_HANDLER(ApplyRecordBackup);
SW_HANDLER(ApplyImportBackup);
SW_HANDLER(ApplyImportConfirm);
SW_HANDLER(ApplyImportCancel);
SW_HANDLER(ApplyBackupFileOpened);
SW_HANDLER(ApplyBackupFileRead);
// actions_files.cpp
SW_HANDLER(ApplyExportBackup);
SW_HANDLER(ApplyExportCsv);
SW_HANDLER(ApplyExportDamaged);
SW_HANDLER(ApplyPickBackupFile);
SW_HANDLER(ApplyRetryStorage);
// actions_storage.cpp
SW_HANDLER(ApplyLoadStored);
SW_HANDLER(ApplyLoadSeries);
SW_HANDLER(ApplyLoadRuns);
// actions_import.cpp
SW_HANDLER(ApplyPickImportFiles);
SW_HANDLER(ApplyImportReading);
SW_HANDLER(ApplyImportProgress);
SW_HANDLER(ApplyImportRead);
SW_HANDLER(ApplyImportReviewSet);
SW_HANDLER(ApplyImportReviewShoeAll);
SW_HANDLER(ApplyImportSave);
SW_HANDLER(ApplyImportDismiss);
SW_HANDLER(ApplyImportAbort);
SW_HANDLER(ApplyUndoImport);
SW_HANDLER(ApplyRestoreRuns);
SW_HANDLER(ApplyDeleteRuns);
#undef SW_HANDLER

}  // namespace sw
