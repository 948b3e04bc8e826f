// Boots the WebAssembly app: checks what the browser must have, shows progress while the
// module downloads, and creates window.stridewise with its `ready` promise (the app fills in
// state() and dispatch() once it runs).
(function () {
  'use strict';
  var loading = document.getElementById('loading');
  var fatal = document.getElementById('fatal');

  var WEBGL2_MESSAGE = 'This browser has WebGL2 turned off or does not support it, and Stridewise needs it to ' +
    'draw. Please update your browser, or turn on hardware acceleration in its settings.';

  function showError(message) {
    // The app reports a failed WebGL2 context in its own words; say it the way a runner can act on.
    if (/WebGL2/.test(message)) message = WEBGL2_MESSAGE;
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
  // A browser without WebGL2 at all is told before the download. One that has it but refuses a
  // context (turned off, blocked GPU) is found by the app itself when it creates its context, and
  // shows the same message: a throw-away probe context here would delay the download (it cost
  // 20-500 ms in headless Chromium) and every start on a phone.
  if (typeof WebGL2RenderingContext === 'undefined') {
    showError(WEBGL2_MESSAGE);
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
