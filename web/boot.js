// Boots the WebAssembly app: checks what the browser must have, shows progress while the
// module downloads, and creates window.stridewise with its `ready` promise (the app fills in
// state() and dispatch() once it runs). Registers the service worker (sw.js: offline and
// updates) and tells the runner when a new version is ready.
(function () {
  'use strict';
  var loading = document.getElementById('loading');
  var fatal = document.getElementById('fatal');

  // --- Offline and updates ------------------------------------------------------------------
  // sw.js caches this version's files. A new version installs in the background and waits; this
  // page keeps running the version it started with until the runner taps Reload, which lets the
  // new worker take over and reloads. Without service workers (or if registering fails) the app
  // simply works online; nothing here may stop it from starting.
  var workerStarted = false;
  var reloadOnNewWorker = false;
  function showUpdateReady(registration) {
    var region = document.getElementById('update');
    window.stridewise.updateReady = true;
    if (region.firstChild) return;
    var card = document.createElement('div');
    card.className = 'update-card';
    var icon = document.createElement('img');
    icon.src = 'icon.svg';
    icon.alt = '';
    var text = document.createElement('p');
    text.textContent = 'A new version of Stridewise is ready.';
    var later = document.createElement('button');
    later.type = 'button';
    later.className = 'update-later';
    later.textContent = 'Later';
    later.addEventListener('click', function () {
      region.textContent = '';  // it installs by itself once every Stridewise tab is closed
      window.stridewise.updateReady = false;
    });
    var reload = document.createElement('button');
    reload.type = 'button';
    reload.className = 'update-reload';
    reload.textContent = 'Reload';
    reload.addEventListener('click', function () {
      reload.disabled = later.disabled = true;
      reloadOnNewWorker = true;
      // The newest waiting worker (a still newer build may have replaced the one first offered).
      // The page reloads on controllerchange; if another tab already switched, just reload.
      if (registration.waiting) registration.waiting.postMessage('skipWaiting');
      else window.location.reload();
    });
    card.appendChild(icon);
    card.appendChild(text);
    card.appendChild(later);
    card.appendChild(reload);
    region.appendChild(card);
  }
  function startServiceWorker() {
    if (workerStarted || !('serviceWorker' in navigator)) return;
    workerStarted = true;
    try {
      var container = navigator.serviceWorker;
      // A page that was already controlled reloads when a new version takes over (from this tab's
      // Reload or another tab's), so no tab runs on with an old build. The first install taking
      // control of a page that loaded from the network changes nothing and reloads nothing.
      reloadOnNewWorker = !!container.controller;
      var reloading = false;
      container.addEventListener('controllerchange', function () {
        if (!reloadOnNewWorker || reloading) return;
        reloading = true;
        window.location.reload();
      });
      container.register('sw.js', { scope: './' }).then(function (registration) {
        var watch = function (worker) {
          if (!worker) return;
          var check = function () {
            if (worker.state === 'installed' && container.controller) showUpdateReady(registration);
          };
          worker.addEventListener('statechange', check);
          check();
        };
        watch(registration.waiting);
        watch(registration.installing);
        registration.addEventListener('updatefound', function () { watch(registration.installing); });
        // An app left open for days (installed, on a phone) still hears of new versions.
        var lastCheck = Date.now();
        document.addEventListener('visibilitychange', function () {
          if (document.visibilityState !== 'visible' || Date.now() - lastCheck < 3600 * 1000) return;
          lastCheck = Date.now();
          registration.update().catch(function () { /* offline: try again later */ });
        });
      }, function (error) {
        console.warn('Stridewise works online only here: the offline service worker could not be registered (' +
                     (error && error.message) + ').');
      });
    } catch (error) {
      console.warn('Stridewise works online only here: ' + error.message);
    }
  }

  var WEBGL2_MESSAGE = 'This browser has WebGL2 turned off or does not support it, and Stridewise needs it to ' +
    'draw. Please update your browser, or turn on hardware acceleration in its settings.';

  function showError(message) {
    // The app reports a failed WebGL2 context in its own words; say it the way a runner can act on.
    if (/WebGL2/.test(message)) message = WEBGL2_MESSAGE;
    // Started but failed (not a browser that lacks WebAssembly or WebGL2): a fixed version may
    // already be waiting, so look for updates.
    if (window.Module) startServiceWorker();
    loading.hidden = true;
    document.getElementById('canvas').hidden = true;
    document.getElementById('fatal-message').textContent = message;
    fatal.hidden = false;
  }
  window.stridewiseShowError = showError;

  var resolveDrawn, resolveReady, resolveLoaded;
  window.stridewise = {
    // The first frame with the runner's data is drawn (Home, from the run summary and the newest
    // years of runs) and every year of runs is read (their text comes in moments, in a second part
    // of the same read; they are decoded just after), so state() and actions have every run.
    drawn: new Promise(function (resolve) { resolveDrawn = resolve; }),
    // Every run is in the model too, and a frame showing it is drawn.
    ready: new Promise(function (resolve) { resolveReady = resolve; }),
    // Every stored part is in the model: after `ready` (the cadence series are read after the
    // first frame), or with it.
    loaded: new Promise(function (resolve) { resolveLoaded = resolve; }),
    _resolveLoaded: function () { resolveLoaded(); },
    // The first frame with the runner's data: the canvas is shown. Registering only then keeps
    // the worker's downloads (revalidations of what the page just loaded) off a first visit's start-up.
    _showFirstFrame: function () {
      document.getElementById('canvas').classList.remove('starting');
      loading.hidden = true;
      startServiceWorker();
    },
    _resolveDrawn: function () { resolveDrawn(); },
    _resolveReady: function () { resolveReady(); },
    updateReady: false,  // true while "A new version of Stridewise is ready" is offered
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
