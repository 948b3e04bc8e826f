// devicemotion bridge for the cadence meter. Unlike emscripten_set_devicemotion_callback it
// passes event.timeStamp and copes with missing values. Samples are handed to C++ one call
// per event (cheap); C++ batches them and redraws about twice a second, not per sample.
mergeInto(LibraryManager.library, {
  $SwMotion: {
    listening: false,
    permission: null,      // null: not asked; a Promise while asking; 'granted' / 'denied'
    armedRect: null,
    lastSampleAt: 0,
    watchdog: 0,
    onMotion: null,
    onTapEnd: null,
    status: function (state, message) { _sw_motion_status(state, SwMotion.cstr(message || '')); },
    cstr: function (text) {
      var size = lengthBytesUTF8(text) + 1;
      var ptr = _malloc(size);
      stringToUTF8(text, ptr, size);
      return ptr;
    },
    needsPermission: function () {
      return typeof DeviceMotionEvent !== 'undefined' && typeof DeviceMotionEvent.requestPermission === 'function';
    },
    ask: function () {
      if (SwMotion.permission !== null || !SwMotion.needsPermission()) return;
      SwMotion.permission = DeviceMotionEvent.requestPermission().then(function (answer) {
        SwMotion.permission = answer === 'granted' ? 'granted' : 'denied';
      }, function () { SwMotion.permission = 'denied'; });
    },
  },

  // States (platform::SensorState): 0 idle, 1 starting, 2 ok, 3 denied, 4 unavailable.
  sw_motion_start__deps: ['$SwMotion', 'sw_motion_sample', 'sw_motion_status', 'malloc'],
  sw_motion_start: function () {
    if (SwMotion.listening) return;
    if (!window.isSecureContext) {
      SwMotion.status(4, 'Motion sensors need a secure page: open Stridewise over https (or on this device as localhost).');
      return;
    }
    if (typeof DeviceMotionEvent === 'undefined') {
      SwMotion.status(4, 'This browser or device has no motion sensors. Use tap-along instead.');
      return;
    }
    var begin = function () {
      SwMotion.onMotion = function (e) {
        var g = e.accelerationIncludingGravity;
        var r = e.rotationRate;
        var has = r && r.alpha !== null && r.alpha !== undefined;
        if (!g || g.x === null) return;
        SwMotion.lastSampleAt = performance.now();
        _sw_motion_sample(e.timeStamp / 1000, g.x, g.y, g.z, has ? r.alpha : NaN, has ? r.beta : NaN, has ? r.gamma : NaN);
      };
      window.addEventListener('devicemotion', SwMotion.onMotion);
      SwMotion.listening = true;
      SwMotion.lastSampleAt = 0;
      SwMotion.status(1, 'Waiting for the motion sensor...');
      var started = performance.now();
      SwMotion.watchdog = setInterval(function () {
        var now = performance.now();
        if (SwMotion.lastSampleAt === 0 && now - started > 3000) {
          SwMotion.status(4, 'No motion data is arriving. The phone may not have the sensor, or the browser blocks it.');
        } else if (SwMotion.lastSampleAt > 0 && now - SwMotion.lastSampleAt > 3000) {
          SwMotion.status(4, 'Motion data stopped arriving (screen locked or page hidden?).');
        } else if (SwMotion.lastSampleAt > 0) {
          SwMotion.status(2, '');
        }
      }, 1000);
    };
    if (!SwMotion.needsPermission()) { begin(); return; }
    SwMotion.ask();  // no-op when the tap already asked
    SwMotion.status(1, 'Asking for permission to use the motion sensor...');
    Promise.resolve(SwMotion.permission).then(function () {
      if (SwMotion.permission === 'granted') begin();
      else SwMotion.status(3, 'Motion access was refused. Allow it in the browser settings, or use tap-along.');
    });
  },

  sw_motion_stop__deps: ['$SwMotion'],
  sw_motion_stop: function () {
    if (!SwMotion.listening) return;
    window.removeEventListener('devicemotion', SwMotion.onMotion);
    clearInterval(SwMotion.watchdog);
    SwMotion.listening = false;
    SwMotion.onMotion = null;
  },

  sw_motion_arm__deps: ['$SwMotion'],
  sw_motion_arm: function (x, y, w, h) {
    SwMotion.armedRect = w > 0 ? { x: x, y: y, w: w, h: h } : null;
    if (SwMotion.onTapEnd || !SwMotion.needsPermission()) return;
    var canvas = document.getElementById('canvas');
    SwMotion.onTapEnd = function (e) {
      var r = SwMotion.armedRect;
      var p = e.changedTouches ? e.changedTouches[0] : e;
      if (!r || !p) return;
      var box = canvas.getBoundingClientRect();
      var px = p.clientX - box.left, py = p.clientY - box.top;
      if (px >= r.x && px < r.x + r.w && py >= r.y && py < r.y + r.h) SwMotion.ask();
    };
    canvas.addEventListener('touchend', SwMotion.onTapEnd, true);
    canvas.addEventListener('mouseup', SwMotion.onTapEnd, true);
  },

  sw_motion_disarm__deps: ['$SwMotion'],
  sw_motion_disarm: function () {
    if (!SwMotion.onTapEnd) return;
    var canvas = document.getElementById('canvas');
    canvas.removeEventListener('touchend', SwMotion.onTapEnd, true);
    canvas.removeEventListener('mouseup', SwMotion.onTapEnd, true);
    SwMotion.onTapEnd = null;
  },
});
