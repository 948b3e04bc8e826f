// Downloads and the file picker. A download is a Blob behind a temporary <a download>; the
// picker is a temporary <input type=file>, read as text and handed to C++ (queued there).
mergeInto(LibraryManager.library, {
  sw_files_download: function (name_ptr, mime_ptr, text_ptr) {
    var blob = new Blob([UTF8ToString(text_ptr)], { type: UTF8ToString(mime_ptr) });
    var url = URL.createObjectURL(blob);
    var a = document.createElement('a');
    a.href = url;
    a.download = UTF8ToString(name_ptr);
    a.style.display = 'none';
    document.body.appendChild(a);
    a.click();
    document.body.removeChild(a);
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  },

  sw_files_pick__deps: ['sw_files_picked', 'malloc'],
  sw_files_pick: function (request_id, accept_ptr) {
    var input = document.createElement('input');
    input.type = 'file';
    input.accept = UTF8ToString(accept_ptr);
    input.style.display = 'none';
    var cstr = function (text) {
      var size = lengthBytesUTF8(text) + 1;
      var ptr = _malloc(size);
      stringToUTF8(text, ptr, size);
      return ptr;
    };
    var onChange = function () {
      input.removeEventListener('change', onChange);
      var file = input.files && input.files[0];
      document.body.removeChild(input);
      if (!file) return;
      file.text().then(function (text) {
        _sw_files_picked(request_id, 1, cstr(file.name), cstr(text));
      }, function (error) {
        _sw_files_picked(request_id, 0, cstr(file.name), cstr('the file could not be read: ' + error.message));
      });
    };
    input.addEventListener('change', onChange);
    document.body.appendChild(input);
    input.click();
  },
});
