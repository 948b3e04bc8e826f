// Page-level helpers the C++ side calls: a fatal start-up error shown as HTML, the system's
// light/dark preference, and the theme of the page around the canvas.
mergeInto(LibraryManager.library, {
  sw_show_fatal_error: function (message) {
    if (window.stridewiseShowError) window.stridewiseShowError(UTF8ToString(message));
  },

  $SwPage: {
    queries: {}, shown: -1,
    // Whether a media query matches; a change later asks the app for a frame, which reads it again.
    matches: function (query) {
      if (!window.matchMedia) return 0;
      var list = SwPage.queries[query];
      if (!list) {
        list = SwPage.queries[query] = window.matchMedia(query);
        list.addEventListener('change', function () { _sw_page_scheme_changed(); });
      }
      return list.matches ? 1 : 0;
    },
  },

  sw_page_prefers_dark__deps: ['$SwPage', 'sw_page_scheme_changed'],
  sw_page_prefers_dark: function () { return SwPage.matches('(prefers-color-scheme: dark)'); },

  // prefers-reduced-motion: the text cursor stops blinking (the app has no other motion for show).
  sw_page_prefers_reduced_motion__deps: ['$SwPage', 'sw_page_scheme_changed'],
  sw_page_prefers_reduced_motion: function () { return SwPage.matches('(prefers-reduced-motion: reduce)'); },

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
