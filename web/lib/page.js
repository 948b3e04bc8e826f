// Page-level helpers the C++ side calls: a fatal start-up error shown as HTML, the system's
// light/dark preference, and the theme of the page around the canvas.
mergeInto(LibraryManager.library, {
  sw_show_fatal_error: function (message) {
    if (window.stridewiseShowError) window.stridewiseShowError(UTF8ToString(message));
  },

  $SwPage: { scheme: null, motion: null, shown: -1 },

  sw_page_prefers_dark__deps: ['$SwPage', 'sw_page_scheme_changed'],
  sw_page_prefers_dark: function () {
    if (!SwPage.scheme) {
      if (!window.matchMedia) return 0;
      SwPage.scheme = window.matchMedia('(prefers-color-scheme: dark)');
      SwPage.scheme.addEventListener('change', function () { _sw_page_scheme_changed(); });
    }
    return SwPage.scheme.matches ? 1 : 0;
  },

  // prefers-reduced-motion: the text cursor stops blinking (the app has no other motion for show).
  sw_page_prefers_reduced_motion__deps: ['$SwPage', 'sw_page_scheme_changed'],
  sw_page_prefers_reduced_motion: function () {
    if (!SwPage.motion) {
      if (!window.matchMedia) return 0;
      SwPage.motion = window.matchMedia('(prefers-reduced-motion: reduce)');
      SwPage.motion.addEventListener('change', function () { _sw_page_scheme_changed(); });
    }
    return SwPage.motion.matches ? 1 : 0;
  },

  // <html data-theme="dark|light"> drives style.css; the theme-color meta tints the browser bar.
  sw_page_set_theme__deps: ['$SwPage'],
  sw_page_set_theme: function (dark) {
    if (SwPage.shown === dark) return;
    SwPage.shown = dark;
    document.documentElement.dataset.theme = dark ? 'dark' : 'light';
    var meta = document.querySelector('meta[name="theme-color"]');
    if (meta) meta.setAttribute('content', dark ? '#111418' : '#0d66a8');
  },
});
