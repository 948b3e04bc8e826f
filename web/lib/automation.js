// Fills in window.stridewise (created by boot.js with its `ready` promise) once the app runs.
mergeInto(LibraryManager.library, {
  sw_automation_install__deps: ['sw_api_state', 'sw_api_dispatch', 'malloc', 'free'],
  sw_automation_install: function () {
    var api = window.stridewise || (window.stridewise = {});
    // state(["save", "frames_rendered"]) gives only those top-level fields: with years of runs the
    // whole state is a large object, too costly to build for a test that polls one field.
    api.state = function (fields) {
      var names = Array.isArray(fields) ? fields.join(',') : '';
      if (!names) return JSON.parse(UTF8ToString(_sw_api_state(0)));
      var size = lengthBytesUTF8(names) + 1;
      var ptr = _malloc(size);
      stringToUTF8(names, ptr, size);
      var text = UTF8ToString(_sw_api_state(ptr));
      _free(ptr);
      return JSON.parse(text);
    };
    api.dispatch = function (action) {
      var text;
      try {
        text = JSON.stringify(action);
      } catch (e) {
        return { ok: false, error: 'The action could not be turned into JSON: ' + e.message };
      }
      if (text === undefined) return { ok: false, error: 'An action must be a JSON object with a "type".' };
      // Files take the picker's path (web/lib/import.js): read in a worker, not through here.
      if (action && action.type === 'import_files' && api._importFiles) return api._importFiles(action);
      var size = lengthBytesUTF8(text) + 1;
      var ptr = _malloc(size);
      stringToUTF8(text, ptr, size);
      var result = UTF8ToString(_sw_api_dispatch(ptr));
      _free(ptr);
      return JSON.parse(result);
    };
  },
  sw_automation_shown: function () {
    if (window.stridewise && window.stridewise._showFirstFrame) window.stridewise._showFirstFrame();
  },
  sw_automation_drawn: function () {
    if (window.stridewise && window.stridewise._resolveDrawn) window.stridewise._resolveDrawn();
  },
  sw_automation_ready: function () {
    if (window.stridewise && window.stridewise._resolveReady) window.stridewise._resolveReady();
  },
  sw_automation_loaded: function () {
    if (window.stridewise && window.stridewise._resolveLoaded) window.stridewise._resolveLoaded();
  },
});
