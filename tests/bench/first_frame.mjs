// First-frame benchmark (issue 17): what years of data cost the first screen, and what loading
// the rest costs after it. Prints figures, passes or fails nothing.
//
// Two profiles in one browser, each its own context (the same profile reopened): an empty store,
// and issue 17's ten years (4,000 runs, 25 pairs, 400 pain entries, 300 cadence sessions of
// 45 min; tests/e2e/years_of_data.mjs). Each is reopened (page.reload) RUNS times, alternating,
// at each setting: phone 390x844 DPR 3 unthrottled, DPR 1 unthrottled, DPR 3 with the CPU
// throttled 4x (DevTools' Emulation.setCPUThrottlingRate). Per reopen:
//   first frame    navigation -> the first frame with the data (state().startup.ready_ms);
//   all loaded     navigation -> every stored part in the model (save.timing.all_loaded_ms; a
//                  build that reads everything first: the first frame);
//   longest frame  while the rest loads (from the first frame to the frame after all is in): the
//                  longest app frame (requestAnimationFrame callback) and the longest task the
//                  browser reports (Long Tasks API, >= 50 ms only; in headless Chromium this
//                  includes the compositor's software read-back of the canvas after a frame);
//   anchors        the longest app frame and task the empty store's page has over the same span after its own
//                  first frame (what the browser does anyway then: in headless Chromium, mostly
//                  the GPU process compositing the first frames);
//   take           the longest step taking a later part in (a year of runs, 50 series), C++;
//   heap           the WebAssembly memory, MB, once all is loaded.
// Medians; "ten years add" is the median of (ten - empty) over the alternating pairs.
// Usage: node tests/bench/first_frame.mjs [runs]   (STRIDEWISE_DIST picks another dist/,
//        FIRST_FRAME_SETTINGS=2,3 some of the settings)
import { launch, PHONE } from '../e2e/helpers.mjs';
import { tenYearsProfile } from '../e2e/years_of_data.mjs';

const RUNS = Number(process.argv[2] || 5);
const median = (xs) => { const s = xs.filter((x) => x !== null).sort((a, b) => a - b); return s.length ? s[Math.floor(s.length / 2)] : null; };

// Before the page's scripts: every rAF callback's start and duration, and the long tasks.
function instrument() {
  window.__frames = [];
  window.__long = [];
  const raf = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (cb) => raf((ts) => {
    const t0 = performance.now();
    try { cb(ts); } finally { window.__frames.push([t0, performance.now() - t0]); }
  });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__long.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) { /* no Long Tasks API */ }
}

// Waits (in the page, without polling state()) until nothing was drawn for `quietMs`.
const quiet = (page, quietMs = 400) => page.evaluate((ms) => new Promise((done) => {
  const check = () => {
    const f = window.__frames;
    const last = f.length ? f[f.length - 1][0] + f[f.length - 1][1] : 0;
    if (performance.now() - last >= ms) done(); else setTimeout(check, 50);
  };
  check();
}), quietMs);

async function reopen(page) {
  await page.reload();
  await page.waitForFunction(() => window.stridewise && window.stridewise.ready);
  return page.evaluate(async () => {
    await window.stridewise.ready;
    if (window.stridewise.loaded) await window.stridewise.loaded;
    // The frame after the last part came in, then the measures.
    await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
    const s = window.stridewise.state(['save', 'startup', 'runs']);
    const ready = s.startup.ready_ms;
    const all = s.save.timing.all_loaded_ms ?? ready;
    const inWindow = (list) => list.filter(([t, ms]) => t + ms > ready && t <= all + 1).map(([, ms]) => ms);
    // The frame right after everything came in (it draws it) counts too.
    const after = window.__frames.find(([t]) => t > all);
    const frames = inWindow(window.__frames).concat(after ? [after[1]] : []);
    const heap = window.Module && Module.HEAP8 ? Module.HEAP8.length : 0;
    // Where the first frame's time goes: the preload's read (it overlaps the download), the app's
    // start (its StorageSync asks for the read), the decode, and the first frame itself.
    const t = window.stridewiseStoragePreload.timing;
    const first = window.__frames.find(([t0, ms]) => t0 <= ready && ready <= t0 + ms + 1);
    return { ready, all, runs: s.runs.length, longestFrame: frames.length ? Math.max(...frames) : 0,
             // Tasks that start after the first frame: the task that draws it (its rAF and the
             // compositor's first commit of the canvas, 40-65 ms in headless Chromium for either
             // store) is the first frame itself, not something the rest's loading costs.
             long: window.__long.filter(([t]) => t > ready),
             frames: window.__frames.filter(([t, ms]) => t + ms > ready),
             readStart: t.start, readEnd: t.end, readLaterEnd: t.later_end ?? null, decode: s.save.timing.load_decode_ms, loadMs: s.save.timing.load_ms,
             firstFrameMs: first ? first[1] : null, firstFrameAt: first ? first[0] : null,
             longestTask: Math.max(0, ...window.__long.filter(([t]) => t > ready && t <= all + 1).map(([, ms]) => ms)), heapMb: heap / 1048576,
             take: s.save.timing.later_take_ms ?? null };
  });
}

async function profile(browser, url, viewport, data) {
  const context = await browser.newContext(viewport);
  await context.addInitScript(instrument);
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => window.stridewise && window.stridewise.state);
  await page.evaluate(() => window.stridewise.ready);
  if (data) {
    const r = await page.evaluate((text) => window.stridewise.dispatch({ type: 'import_backup', json: text, confirm: true }), data);
    if (!r.ok) throw new Error('import failed: ' + r.error);
    await page.waitForFunction(() => window.stridewise.state(['save']).save.status === 'saved', null, { timeout: 120000, polling: 250 });
  }
  const cdp = await context.newCDPSession(page);
  return { context, page, cdp };
}

const env = await launch();
try {
  const backup = JSON.stringify(tenYearsProfile());
  console.log(`First-frame benchmark: issue 17's ten years (${(backup.length / 1048576).toFixed(1)} MB backup) against an empty store; ` +
              `reopened ${RUNS} times each, alternating; medians`);
  const settings = [
    ['phone 390x844 DPR 3, no throttle', PHONE, 1],
    ['phone 390x844 DPR 1, no throttle', { ...PHONE, deviceScaleFactor: 1 }, 1],
    ['phone 390x844 DPR 3, CPU 4x slower', PHONE, 4],
  ];
  // FIRST_FRAME_SETTINGS=2,3 runs only those settings (1-based).
  const only = (process.env.FIRST_FRAME_SETTINGS || '').split(',').filter(Boolean).map(Number);
  for (const [name, viewport, rate] of settings.filter((_, i) => !only.length || only.includes(i + 1))) {
    const empty = await profile(env.browser, env.url, viewport, null);
    const ten = await profile(env.browser, env.url, viewport, backup);
    const m = { empty: [], ten: [], extra: [] };
    for (const p of [empty, ten]) await p.cdp.send('Emulation.setCPUThrottlingRate', { rate });
    for (let i = 0; i < RUNS; i++) {
      const order = i % 2 ? [ten, empty] : [empty, ten];
      const got = {};
      for (const p of order) {
        await quiet(p.page);
        got[p === ten ? 'ten' : 'empty'] = await reopen(p.page);
        await quiet(p.page);
      }
      if (got.ten.runs !== 4000) throw new Error(`ten years reopened with ${got.ten.runs} runs`);
      // Anchor: the longest task the empty store's page had over the same span after its own
      // first frame (in headless Chromium, mostly the GPU process compositing the first frames).
      const span = got.ten.all - got.ten.ready;
      got.empty.longestTaskSameSpan = Math.max(0, ...got.empty.long
        .filter(([t]) => t <= got.empty.ready + span + 1).map(([, ms]) => ms));
      // The same for the empty store's own frames over that span: what drawing costs anyway
      // just after a first frame (the first layout passes, the canvas and atlas on the GPU).
      got.empty.longestFrameSameSpan = Math.max(0, ...got.empty.frames
        .filter(([t]) => t <= got.empty.ready + span + 1).map(([, ms]) => ms));
      m.empty.push(got.empty);
      m.ten.push(got.ten);
      m.extra.push(got.ten.ready - got.empty.ready);
    }
    const med = (list, k) => median(list.map((x) => x[k]));
    const f = (x, unit = ' ms') => (x === null ? '-' : x.toFixed(1) + unit).padStart(10);
    const each = (list, k) => list.map((x) => (x[k] === null ? '-' : x[k].toFixed(0))).join(' ');
    console.log(`\n${name}`);
    console.log(`  first frame, empty store            ${f(med(m.empty, 'ready'))}   runs: ${each(m.empty, 'ready')}`);
    console.log(`  first frame, ten years              ${f(med(m.ten, 'ready'))}   runs: ${each(m.ten, 'ready')}`);
    console.log(`  ten years / empty                   ${(med(m.ten, 'ready') / med(m.empty, 'ready')).toFixed(2).padStart(8)} x   [target <= 1.2x at 4x throttle]`);
    console.log(`  ten years add (paired)              ${f(median(m.extra))}   runs: ${m.extra.map((x) => x.toFixed(0)).join(' ')}   [target <= 60 ms unthrottled]`);
    console.log(`  every part loaded, ten years        ${f(med(m.ten, 'all'))}   runs: ${each(m.ten, 'all')}`);
    console.log(`  longest app frame while rest loads  ${f(med(m.ten, 'longestFrame'))}   runs: ${each(m.ten, 'longestFrame')}   [target <= 50 ms]`);
    console.log(`    anchor: empty store, same span     ${f(med(m.empty, 'longestFrameSameSpan'))}   runs: ${each(m.empty, 'longestFrameSameSpan')}`);
    console.log(`  longest task (>=50 ms) meanwhile    ${f(med(m.ten, 'longestTask'))}   runs: ${each(m.ten, 'longestTask')}`);
    console.log(`    anchor: empty store, same span     ${f(med(m.empty, 'longestTaskSameSpan'))}   runs: ${each(m.empty, 'longestTaskSameSpan')}`);
    console.log(`  longest step taking a part in (C++) ${f(med(m.ten, 'take'))}   runs: ${each(m.ten, 'take')}`);
    for (const [label, key] of [['preload read starts', 'readStart'], ['preload read ends (first part)', 'readEnd'],
      ['  its second part (older years) ends', 'readLaterEnd'],
      ['app start -> data in the model (load_ms)', 'loadMs'], ['  of which decoding (C++)', 'decode'],
      ['first frame starts', 'firstFrameAt'], ['first frame takes', 'firstFrameMs']])
      console.log(`  ${label.padEnd(42)} empty ${f(med(m.empty, key))}  ten years ${f(med(m.ten, key))}`);
    console.log(`  wasm heap, empty / ten years        ${f(med(m.empty, 'heapMb'), ' MB')} ${f(med(m.ten, 'heapMb'), ' MB')}`);
    await empty.context.close();
    await ten.context.close();
  }
} finally {
  await env.close();
}
