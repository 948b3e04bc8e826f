// Page-level helpers the C++ side calls: a fatal start-up error shown as HTML.
mergeInto(LibraryManager.library, {
  sw_show_fatal_error: function (message) {
    if (window.stridewiseShowError) window.stridewiseShowError(UTF8ToString(message));
  },
});
