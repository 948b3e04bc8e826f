// Accessible mirror benchmark (issue 15): prints figures, passes or fails nothing.
// Ten years of runs (3,650 runs, 30 pairs) on Home, phone viewport (390x844, DPR 3). For every
// frame the app measures its own work (state().ui.frame_ms: layout, ImGui, GL calls) and, after
// it, the accessible mirror's (state().ui.mirror_ms: the widget lines, their comparison with the
// last frame's and the DOM layer's update). A frame without the mirror is frame_ms; with it,
// frame_ms + mirror_ms. Figures: the first frame of Home after a tab tap (every element made) and
// 8 finger drags (elements move), medians of RUNS fresh pages; then idle frames in 2 s.
// Usage: node tests/bench/a11y.mjs [runs=3]
import { launch, openApp, PHONE, pinToday, state, waitForState, tap, drag, settleQuiet } from '../e2e/helpers.mjs';
import { yearsOfData, restoreYears } from '../e2e/years_of_data.mjs';

const RUNS = Number(process.argv[2] || 3);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.floor(s.length / 2)] : NaN; };
const lastFrames = (s, before, key) => s.ui[key].slice(Math.max(0, s.ui[key].length - (s.frames_rendered - before)));

async function measure(env, doc) {
  const { page, context } = await openApp(env, PHONE, { initScript: pinToday });
  try {
    await restoreYears(page, doc);
    await tap(page, 'Log', 'nav');
    await waitForState(page, (x) => x.screen === 'log', { what: 'Log' });
    await settleQuiet(page);
    let before = (await state(page)).frames_rendered;
    await tap(page, 'Home', 'nav');
    await waitForState(page, (x) => x.screen === 'home', { what: 'Home' });
    await settleQuiet(page);
    let s = await state(page);
    const tabFrames = lastFrames(s, before, 'frame_ms'), tabMirror = lastFrames(s, before, 'mirror_ms');
    const slowest = tabFrames.indexOf(Math.max(...tabFrames));
    const first = { frame: tabFrames[slowest], mirror: tabMirror[slowest], elements: await page.evaluate(() => document.querySelectorAll('#sw-a11y nav > *, #sw-a11y main > *').length) };
    before = s.frames_rendered;
    for (let i = 0; i < 8; i++) await drag(page, 200, 650, 0, -400, 12, 16);
    await settleQuiet(page);
    s = await state(page);
    const frames = lastFrames(s, before, 'frame_ms'), mirror = lastFrames(s, before, 'mirror_ms');
    const withMirror = frames.map((f, i) => f + mirror[i]);
    const idleBefore = (await state(page)).frames_rendered;
    await page.waitForTimeout(2000);
    const idle = (await state(page)).frames_rendered - idleBefore;
    return { first, frames: frames.length, without: median(frames), mirror: median(mirror), with: median(withMirror), idle };
  } finally {
    await context.close();
  }
}

const env = await launch();
try {
  const doc = yearsOfData({ from: Date.UTC(2016, 2, 13), sessions: 0 });
  console.log(`accessible mirror benchmark: Home with ${doc.runs.length} runs, ${doc.shoes.length} pairs; phone ` +
              `${PHONE.viewport.width}x${PHONE.viewport.height} DPR ${PHONE.deviceScaleFactor}; ${RUNS} runs`);
  const results = [];
  for (let i = 0; i < RUNS; i++) {
    const r = await measure(env, doc);
    results.push(r);
    console.log(`  run ${i + 1}: first Home frame ${r.first.frame.toFixed(2)} ms + mirror ${r.first.mirror.toFixed(2)} ms ` +
                `(${r.first.elements} elements); scrolling ${r.frames} frames, median without ${r.without.toFixed(2)} ms, ` +
                `mirror ${r.mirror.toFixed(2)} ms, with ${r.with.toFixed(2)} ms; idle frames in 2 s: ${r.idle}`);
  }
  const m = (f) => median(results.map(f));
  console.log(`medians: scrolling frame without the mirror ${m((r) => r.without).toFixed(2)} ms, with it ` +
              `${m((r) => r.with).toFixed(2)} ms (x${(m((r) => r.with) / m((r) => r.without)).toFixed(2)}); ` +
              `first Home frame ${m((r) => r.first.frame).toFixed(2)} ms + mirror ${m((r) => r.first.mirror).toFixed(2)} ms; ` +
              `idle frames per second ${(m((r) => r.idle) / 2).toFixed(1)}`);
} finally {
  await env.close();
}
