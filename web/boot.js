// Boots the WebAssembly app: checks what the browser must have, shows progress while the
// module downloads, and creates window.stridewise with its `ready` promise (the app fills in
// state() and dispatch() once it runs).
(function () {
  'use strict';
  var loading = document.getElementById('loading');
  var fatal = document.getElementById('fatal');

  function showError(message) {
    loading.hidden = true;
    document.getElementById('canvas').hidden = true;
    document.getElementById('fatal-message').textContent = message;
    fatal.hidden = false;
  }
  window.stridewiseShowError = showError;

  var resolveReady;
  window.stridewise = {
    ready: new Promise(function (resolve) { resolveReady = resolve; }),
    _resolveReady: function () { loading.hidden = true; resolveReady(); },
  };

  if (typeof WebAssembly !== 'object') {
    showError('This browser cannot run WebAssembly. Please open Stridewise in a current version of ' +
              'Chrome, Firefox, Safari or Edge.');
    return;
  }
  var probe = document.createElement('canvas');
  if (!probe.getContext('webgl2')) {
    showError('This browser has WebGL2 turned off or does not support it, and Stridewise needs it to ' +
              'draw. Please update your browser, or turn on hardware acceleration in its settings.');
    return;
  }

  window.Module = {
    canvas: document.getElementById('canvas'),
    print: function (text) { console.log(text); },
    printErr: function (text) { console.warn(text); },
    onAbort: function (what) { showError('Stridewise stopped unexpectedly (' + what + '). Reload the page to try again.'); },
  };
  var script = document.createElement('script');
  script.src = 'app.js';
  script.onerror = function () { showError('Stridewise could not be downloaded. Check your connection and reload.'); };
  document.body.appendChild(script);
})();
