// Hidden <input type="date"> that opens the platform's own date picker for a date field tapped by
// a finger (web_date_picker.cpp). Browsers open a picker only inside a user gesture: the C++ side
// calls sw_date_picker_open from the canvas's touchend handler.
mergeInto(LibraryManager.library, {
  $SwDatePicker: {
    input: null,
    listening: false,
    sent: '',  // the last date sent to the app: 'input' and 'change' often carry the same one
    // The picked day, once per new value. An emptied picker ("Clear" on Android) leaves the
    // field's text as it is: the runner can type, or pick again.
    onPick: function () {
      var value = SwDatePicker.input.value;
      var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
      if (!m || value === SwDatePicker.sent) return;
      SwDatePicker.sent = value;
      _sw_on_date_picked(+m[1], +m[2], +m[3]);
    },
  },

  sw_date_picker_install__deps: ['$SwDatePicker', 'sw_on_date_picked'],
  sw_date_picker_install: function () {
    if (SwDatePicker.input) return;
    var input = document.getElementById('sw-date-input');
    if (!input) return;
    SwDatePicker.input = input;
    // Both: a wheel picker (iOS) may report each turn on 'input' only until it closes; a dialog
    // (Android, desktop) sends both on "Set".
    input.addEventListener('input', SwDatePicker.onPick);
    input.addEventListener('change', SwDatePicker.onPick);
    SwDatePicker.listening = true;
  },

  sw_date_picker_open__deps: ['$SwDatePicker', '$SwPlaceOver'],
  sw_date_picker_open: function (x, y, w, h, value, min, max) {
    var input = SwDatePicker.input;
    if (!input) return;
    SwPlaceOver(input, x, y, w, h);
    input.min = UTF8ToString(min);
    input.max = UTF8ToString(max);
    input.value = UTF8ToString(value);  // not a date (a half-typed one): the input keeps '' and the picker opens on today
    SwDatePicker.sent = input.value;
    // Focus alone opens the picker on iOS; already focused (picked before), it would not again.
    if (document.activeElement === input) input.blur();
    input.focus({ preventScroll: true });
    if (typeof input.showPicker === 'function') {
      try {
        input.showPicker();
      } catch (e) {
        // Refused (no user activation seen, or a browser that will not show it for this input):
        // the focused input is the fallback, and the field can still be typed with a keyboard.
      }
    }
  },

  // The remover for sw_date_picker_install.
  sw_date_picker_uninstall__deps: ['$SwDatePicker'],
  sw_date_picker_uninstall: function () {
    var input = SwDatePicker.input;
    if (!input) return;
    input.removeEventListener('input', SwDatePicker.onPick);
    input.removeEventListener('change', SwDatePicker.onPick);
    SwDatePicker.listening = false;
    if (document.activeElement === input) input.blur();
    SwDatePicker.input = null;
  },

  sw_date_picker_listener_count__deps: ['$SwDatePicker'],
  sw_date_picker_listener_count: function () { return SwDatePicker.listening ? 2 : 0; },
});
