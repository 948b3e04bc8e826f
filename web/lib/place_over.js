// Shared by the hidden inputs of the keyboard and date picker bridges: an input placed over the
// field it serves (CSS px), so the browser scrolls the right place into view above a keyboard and
// a picker shown as a popover points at the field.
mergeInto(LibraryManager.library, {
  $SwPlaceOver: function (input, x, y, w, h) {
    input.style.left = x + 'px';
    input.style.top = y + 'px';
    input.style.width = w + 'px';
    input.style.height = h + 'px';
  },
});
