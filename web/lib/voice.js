// Spoken feedback (speechSynthesis), a metronome tick (Web Audio) and the screen wake lock
// for the cadence meter: a phone in a pocket is heard, not read.
mergeInto(LibraryManager.library, {
  $SwVoice: {
    audio: null,
    metronomeTimer: 0,
    nextTick: 0,
    wakeLock: null,
    wantWakeLock: false,
    onVisibility: null,
    tick: function (time) {
      var ctx = SwVoice.audio;
      var osc = ctx.createOscillator();
      var gain = ctx.createGain();
      osc.frequency.value = 1000;
      gain.gain.setValueAtTime(0.0001, time);
      gain.gain.exponentialRampToValueAtTime(0.6, time + 0.002);
      gain.gain.exponentialRampToValueAtTime(0.0001, time + 0.04);
      osc.connect(gain).connect(ctx.destination);
      osc.start(time);
      osc.stop(time + 0.05);
    },
    requestWakeLock: function () {
      if (!navigator.wakeLock || !SwVoice.wantWakeLock || SwVoice.wakeLock) return;
      navigator.wakeLock.request('screen').then(function (lock) {
        SwVoice.wakeLock = lock;
        lock.addEventListener('release', function () { SwVoice.wakeLock = null; });
      }, function () { /* refused (battery saver, hidden page): the meter still works */ });
    },
  },

  sw_voice_say__deps: ['$SwVoice'],
  sw_voice_say: function (text_ptr) {
    if (!window.speechSynthesis) return;
    var utterance = new SpeechSynthesisUtterance(UTF8ToString(text_ptr));
    utterance.rate = 1.05;
    window.speechSynthesis.cancel();  // never queue stale numbers
    window.speechSynthesis.speak(utterance);
  },

  sw_metronome_start__deps: ['$SwVoice'],
  sw_metronome_start: function (bpm) {
    var Ctx = window.AudioContext || window.webkitAudioContext;
    if (!Ctx || !(bpm > 0)) return;
    if (!SwVoice.audio) SwVoice.audio = new Ctx();
    SwVoice.audio.resume();
    clearInterval(SwVoice.metronomeTimer);
    var interval = 60 / bpm;
    SwVoice.nextTick = SwVoice.audio.currentTime + 0.1;
    // Schedule ticks ahead on the audio clock; the timer only tops the schedule up.
    SwVoice.metronomeTimer = setInterval(function () {
      while (SwVoice.nextTick < SwVoice.audio.currentTime + 0.3) {
        SwVoice.tick(SwVoice.nextTick);
        SwVoice.nextTick += interval;
      }
    }, 100);
  },

  sw_metronome_stop__deps: ['$SwVoice'],
  sw_metronome_stop: function () {
    clearInterval(SwVoice.metronomeTimer);
    SwVoice.metronomeTimer = 0;
  },

  sw_wake_lock_acquire__deps: ['$SwVoice'],
  sw_wake_lock_acquire: function () {
    SwVoice.wantWakeLock = true;
    if (!SwVoice.onVisibility) {
      // The browser releases the lock when the page is hidden: take it again on return.
      SwVoice.onVisibility = function () { if (document.visibilityState === 'visible') SwVoice.requestWakeLock(); };
      document.addEventListener('visibilitychange', SwVoice.onVisibility);
    }
    SwVoice.requestWakeLock();
  },

  sw_wake_lock_release__deps: ['$SwVoice'],
  sw_wake_lock_release: function () {
    SwVoice.wantWakeLock = false;
    if (SwVoice.onVisibility) {
      document.removeEventListener('visibilitychange', SwVoice.onVisibility);
      SwVoice.onVisibility = null;
    }
    if (SwVoice.wakeLock) SwVoice.wakeLock.release();
    SwVoice.wakeLock = null;
  },
});
