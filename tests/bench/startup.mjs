// Start-up benchmark (issue 2, point 8): prints figures, passes or fails nothing.
//
// For the phone viewport (390x844, DPR 3, touch) in headless Chromium, the app (dist/) and a bare
// Dear ImGui page built the same way (build-wasm/bare/, CMake target bare_imgui), measured
// alternately in one run, N runs each, fresh browser context (empty cache) per run:
//   - gzip bytes: gzip -9 of every response body the server sent, per file and in total (the
//     service worker's offline copy included; its revalidations are 304s without a body);
//   - first frame: performance.now() when stridewise.ready resolves (app) / window.bareFirstFrame
//     (bare), i.e. ms from navigation start to the end of the first drawn frame;
//   - the app's first IndexedDB read (web/storage_preload.js), which its first frame waits for:
//     when it starts and when its data is in, ms from navigation start;
//   - idle over 5 s, starting 1 s after the first frame: animation frames per second (every
//     requestAnimationFrame callback counted) and, for the app, frames_rendered per second;
//     main-thread busy ms from DevTools Performance.getMetrics (TaskDuration, ScriptDuration).
// Usage: node tests/bench/startup.mjs [runs]   (after ./build_wasm.sh build)
//        STRIDEWISE_DIST / STRIDEWISE_BUILD pick another dist/ and build folder.
import { chromium } from 'playwright-core';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT, CHROMIUM_ARGS, PHONE } from '../e2e/helpers.mjs';
import { startServer } from '../../tools/serve.mjs';

const RUNS = Number(process.argv[2] || 7);
const IDLE_MS = 5000;
const TARGET_GZIP = 350 * 1024;

// Runs before the page's own scripts: counts rAF callbacks and timestamps stridewise.ready.
function instrument() {
  window.__rafCount = 0;
  const raf = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (cb) => raf((ts) => { window.__rafCount++; cb(ts); });
  Object.defineProperty(window, 'stridewise', {
    configurable: true,
    set(value) {
      delete window.stridewise;
      window.stridewise = value;
      if (value && value.ready) value.ready.then(() => { window.__readyAt = performance.now(); });
    },
  });
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

async function measure(browser, { url, served }, kind) {
  const context = await browser.newContext(PHONE);
  await context.addInitScript(instrument);
  const page = await context.newPage();
  // Counted where the bytes leave: the server logs every response body it sends (a 304, such as
  // the service worker's revalidation of what the page just loaded, sends none), including the
  // worker's downloads for its offline copy.
  const files = [];
  served.log = files;
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(url);
  const firstFrame = kind === 'app'
    ? await page.waitForFunction(() => window.__readyAt, null, { timeout: 30000 }).then((h) => h.jsonValue())
    : await page.waitForFunction(() => window.bareFirstFrame, null, { timeout: 30000 }).then((h) => h.jsonValue());
  // The app's first frame shows the runner's data, so it waits for the first IndexedDB read, which
  // on a first visit also creates the database (web/storage_preload.js times it).
  const read = kind === 'app' ? await page.evaluate(() => window.stridewiseStoragePreload.timing) : null;
  await page.waitForTimeout(1000);
  if (kind === 'app') {  // the offline copy is part of what a first visit downloads
    await page.evaluate(() => navigator.serviceWorker && navigator.serviceWorker.ready);
  }
  const metric = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const get = (name) => metrics.find((m) => m.name === name)?.value ?? 0;
    return { task: get('TaskDuration'), script: get('ScriptDuration') };
  };
  const count = () => page.evaluate(() => ({ raf: window.__rafCount,
    frames: window.stridewise && window.stridewise.state ? window.stridewise.state().frames_rendered : null }));
  const m0 = await metric();
  const c0 = await count();
  await page.waitForTimeout(IDLE_MS);
  const c1 = await count();
  const m1 = await metric();
  await context.close();
  served.log = null;
  const seconds = IDLE_MS / 1000;
  return {
    files,
    gzip: files.reduce((sum, f) => sum + f.gzip, 0),
    firstFrame,
    read,
    rafPerS: (c1.raf - c0.raf) / seconds,
    framesPerS: c1.frames === null ? null : (c1.frames - c0.frames) / seconds,
    // The metric read itself runs between the two reads; both sides carry the same small cost.
    busyMs: (m1.task - m0.task) * 1000,
    scriptMs: (m1.script - m0.script) * 1000,
  };
}

function printFiles(label, files) {
  console.log(`\n${label}: bytes fetched (raw -> gzip -9)`);
  for (const f of [...files].sort((a, b) => b.gzip - a.gzip))
    console.log(`  ${f.name.padEnd(24)} ${String(f.raw).padStart(9)} -> ${String(f.gzip).padStart(8)}${f.status >= 400 ? `  (HTTP ${f.status})` : ''}`);
  const total = files.reduce((s, f) => s + f.gzip, 0);
  console.log(`  ${'total'.padEnd(24)} ${String(files.reduce((s, f) => s + f.raw, 0)).padStart(9)} -> ${String(total).padStart(8)}  (${kb(total)})`);
}

// tools/serve.mjs with a log of the bodies it sends: {name, raw, gzip} per 200 response.
async function countingServer(root) {
  const started = await startServer(root);
  const served = { log: null };
  started.server.on('request', (req, res) => {
    res.on('finish', () => {
      if (!served.log || res.statusCode !== 200) return;
      const name = decodeURIComponent(new URL(req.url, 'http://x').pathname).replace(/^\//, '') || 'index.html';
      const body = readFileSync(join(root, name));
      served.log.push({ name, raw: body.length, gzip: gzipSync(body, { level: 9 }).length, status: 200 });
    });
  });
  return { ...started, served };
}

async function main() {
  const dist = join(ROOT, process.env.STRIDEWISE_DIST || 'dist');
  const bareDir = join(ROOT, process.env.STRIDEWISE_BUILD || 'build-wasm', 'bare');
  for (const [dir, file] of [[dist, 'app.wasm'], [bareDir, 'bare_imgui.wasm']])
    if (!existsSync(join(dir, file))) throw new Error(`${join(dir, file)} missing: run ./build_wasm.sh build first`);
  const app = await countingServer(dist);
  const bare = await countingServer(bareDir);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const results = { app: [], bare: [] };
  try {
    console.log(`startup benchmark: phone ${PHONE.viewport.width}x${PHONE.viewport.height} DPR ${PHONE.deviceScaleFactor}, ` +
                `headless Chromium (SwiftShader), ${RUNS} runs each, alternating`);
    for (let i = 0; i < RUNS; i++) {
      // Alternate which page goes first, so neither always gets the warmer browser.
      const order = i % 2 ? ['bare', 'app'] : ['app', 'bare'];
      for (const kind of order) {
        const r = await measure(browser, kind === 'app' ? app : bare, kind);
        results[kind].push(r);
        console.log(`  run ${i + 1} ${kind.padEnd(4)} first frame ${r.firstFrame.toFixed(0).padStart(5)} ms, ` +
                    `idle ${r.rafPerS.toFixed(1)} rAF/s${r.framesPerS === null ? '' : ` (${r.framesPerS.toFixed(1)} frames_rendered/s)`}, ` +
                    `busy ${r.busyMs.toFixed(0)} ms (script ${r.scriptMs.toFixed(0)} ms) / 5 s, ${kb(r.gzip)} gzip`);
      }
    }
  } finally {
    await browser.close();
    app.server.close();
    bare.server.close();
  }

  printFiles('app', results.app[0].files);
  printFiles('bare Dear ImGui', results.bare[0].files);
  const summary = (rs) => ({
    gzip: median(rs.map((r) => r.gzip)), firstFrame: median(rs.map((r) => r.firstFrame)),
    rafPerS: median(rs.map((r) => r.rafPerS)), busyMs: median(rs.map((r) => r.busyMs)),
    scriptMs: median(rs.map((r) => r.scriptMs)),
    framesPerS: rs[0].framesPerS === null ? null : median(rs.map((r) => r.framesPerS)),
  });
  const a = summary(results.app);
  const b = summary(results.bare);
  const row = (name, fa, fb, unit, digits = 0) =>
    console.log(`  ${name.padEnd(30)} ${fa.toFixed(digits).padStart(9)} ${fb.toFixed(digits).padStart(9)}  ${unit.padEnd(6)} ${(fa / fb).toFixed(2).padStart(6)}`);
  console.log(`\nmedians of ${RUNS} runs                    app      bare  unit   app/bare`);
  row('gzip bytes fetched', a.gzip / 1024, b.gzip / 1024, 'KB', 1);
  row('first frame', a.firstFrame, b.firstFrame, 'ms');
  row('idle animation frames', a.rafPerS, b.rafPerS, '/s', 1);
  row('idle main-thread busy (5 s)', a.busyMs, b.busyMs, 'ms');
  row('idle script time (5 s)', a.scriptMs, b.scriptMs, 'ms');
  if (a.framesPerS !== null) console.log(`  ${'idle frames_rendered (app)'.padEnd(30)} ${a.framesPerS.toFixed(1).padStart(9)}           /s`);
  const reads = results.app.map((r) => r.read);
  console.log(`  app's first IndexedDB read (a first visit creates the database): starts at ` +
              `${median(reads.map((r) => r.start)).toFixed(0)} ms, its data is in at ${median(reads.map((r) => r.end)).toFixed(0)} ms ` +
              `(median; runs: ${reads.map((r) => `${r.start.toFixed(0)}-${r.end.toFixed(0)}`).join(' ')})`);
  const verdict = (ok) => (ok ? 'met' : 'NOT met');
  console.log('\ntargets');
  console.log(`  <= 350 KB gzip:               ${kb(a.gzip)}  ${verdict(a.gzip <= TARGET_GZIP)}`);
  console.log(`  first frame <= 1.5 x bare:    ${(a.firstFrame / b.firstFrame).toFixed(2)} x  ${verdict(a.firstFrame <= 1.5 * b.firstFrame)}`);
  console.log(`  idle <= 1 frame/s:            ${a.rafPerS.toFixed(1)} /s  ${verdict(a.rafPerS <= 1)}`);
}

main().catch((e) => { console.error(`startup benchmark failed: ${e.stack || e}`); process.exit(1); });
