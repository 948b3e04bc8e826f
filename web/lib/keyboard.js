// Hidden <input> that brings up the phone's keyboard for ImGui text fields.
// Desktop keyboards send real keys; Android keyboards send key code 229 and deliver text
// through `input` / `beforeinput` events, so text is read from those, never from keydown.
mergeInto(LibraryManager.library, {
  $SwKeyboard: {
    input: null,
    wanted: false,  // a text field is active: the input should hold the focus
    listeners: [],
    // KeyboardEvent.key -> the C++ KeyCode enum in platform.hpp
    keys: { Backspace: 1, Delete: 2, Enter: 3, Tab: 4, Escape: 5, ArrowLeft: 6, ArrowRight: 7,
            ArrowUp: 8, ArrowDown: 9, Home: 10, End: 11 },
    listen: function (target, type, fn) {
      target.addEventListener(type, fn);
      SwKeyboard.listeners.push([target, type, fn]);
    },
    unlistenAll: function () {
      SwKeyboard.listeners.forEach(function (l) { l[0].removeEventListener(l[1], l[2]); });
      SwKeyboard.listeners = [];
    },
    press: function (code) { _sw_on_key(code, 1); _sw_on_key(code, 0); },
    park: function (input) {  // back to a 1 px corner, out of the way
      input.style.left = input.style.top = '0px';
      input.style.width = input.style.height = '1px';
    },
  },

  sw_keyboard_install__deps: ['$SwKeyboard', 'sw_on_key', 'sw_on_char'],
  sw_keyboard_install: function () {
    if (SwKeyboard.input) return;
    var input = document.getElementById('sw-text-input');
    if (!input) return;
    SwKeyboard.input = input;
    SwKeyboard.listen(input, 'keydown', function (e) {
      var code = SwKeyboard.keys[e.key];
      if (code) { _sw_on_key(code, 1); e.preventDefault(); }
    });
    SwKeyboard.listen(input, 'keyup', function (e) {
      var code = SwKeyboard.keys[e.key];
      if (code) { _sw_on_key(code, 0); e.preventDefault(); }
    });
    SwKeyboard.listen(input, 'beforeinput', function (e) {
      // Android: Backspace and Enter arrive here, not as keydown.
      if (e.inputType === 'deleteContentBackward') { SwKeyboard.press(1); e.preventDefault(); }
      else if (e.inputType === 'insertLineBreak') { SwKeyboard.press(3); e.preventDefault(); }
    });
    var flush = function () {
      var text = input.value;
      if (!text) return;
      input.value = '';
      for (var ch of text) _sw_on_char(ch.codePointAt(0));
    };
    SwKeyboard.listen(input, 'input', function (e) { if (!e.isComposing) flush(); });
    SwKeyboard.listen(input, 'compositionend', flush);
    // Focus taken from the input while a field is active (a tap's later mouse compatibility
    // events can move it to the canvas, which is focusable) comes back at once, not on the next
    // frame, which may never come when nothing else changes. Not while the page itself has lost
    // the focus (another app or window): that is the runner's choice.
    SwKeyboard.listen(input, 'blur', function () {
      setTimeout(function () {
        if (SwKeyboard.wanted && SwKeyboard.input === input && document.activeElement !== input &&
            document.hasFocus()) input.focus({ preventScroll: true });
      }, 0);
    });
  },

  sw_keyboard_show__deps: ['$SwKeyboard', '$SwPlaceOver'],
  sw_keyboard_show: function (x, y, w, h, numeric) {
    var input = SwKeyboard.input;
    if (!input) return;
    SwPlaceOver(input, x, y, w, h);
    input.inputMode = numeric ? 'decimal' : 'text';
    input.value = '';
    SwKeyboard.wanted = true;
    input.focus({ preventScroll: true });
  },

  // Called every frame while a field is active. Focus outside a tap does not open a phone's
  // keyboard, but a hardware keyboard's keys then reach the field instead of the page. The focus
  // is taken back from the canvas or the page, never from another input: the date picker's took
  // it on purpose, in a tap that ImGui has not yet seen let go of this field.
  sw_keyboard_keep__deps: ['$SwKeyboard', 'sw_keyboard_show'],
  sw_keyboard_keep: function (x, y, w, h, numeric) {
    var input = SwKeyboard.input;
    if (input && document.activeElement !== input && !(document.activeElement instanceof HTMLInputElement))
      _sw_keyboard_show(x, y, w, h, numeric);
  },

  sw_keyboard_hide__deps: ['$SwKeyboard'],
  sw_keyboard_hide: function () {
    var input = SwKeyboard.input;
    if (!input) return;
    SwKeyboard.wanted = false;
    if (document.activeElement === input) input.blur();
    input.value = '';
    SwKeyboard.park(input);
  },

  // The remover for sw_keyboard_install: every listener it added goes, the keyboard closes.
  sw_keyboard_uninstall__deps: ['$SwKeyboard', 'sw_keyboard_hide'],
  sw_keyboard_uninstall: function () {
    _sw_keyboard_hide();
    SwKeyboard.unlistenAll();
    SwKeyboard.input = null;
  },

  sw_keyboard_listener_count__deps: ['$SwKeyboard'],
  sw_keyboard_listener_count: function () { return SwKeyboard.listeners.length; },
});
