// History benchmark (issue 14): prints figures, passes or fails nothing.
// Ten years of runs (the storage benchmark's set: a run a day, 3,650 runs, 30 pairs) on the phone
// viewport (390x844, DPR 3, headless Chromium). For the Log's history and, beside it, Home:
//   - the first frame after a tap on its tab (the slowest frame from the tap until the app is
//     quiet: the new screen's first layout): what it took in wasm (state().ui.frame_ms:
//     layout, ImGui and the GL calls of each frame, measured by the app around its frame);
//   - scrolling by touch: 8 finger drags over the screen, every frame they cause, median and
//     the slowest (aim for the history: under 4 ms a frame).
// Each figure is the median of RUNS fresh pages. Usage: node tests/bench/history.mjs [runs=3]
import { launch, openApp, PHONE, pinToday, state, waitForState, tap, drag, settleQuiet } from '../e2e/helpers.mjs';
import { yearsOfData, restoreYears } from '../e2e/years_of_data.mjs';

const RUNS = Number(process.argv[2] || 3);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.floor(s.length / 2)] : NaN; };
const framesSince = (s, before) => s.ui.frame_ms.slice(Math.max(0, s.ui.frame_ms.length - (s.frames_rendered - before)));

async function measure(env, doc) {
  const { page, context } = await openApp(env, PHONE, { initScript: pinToday });
  try {
    await restoreYears(page, doc);
    const out = {};
    for (const screen of ['Home', 'Log']) {
      await settleQuiet(page);
      let before = (await state(page)).frames_rendered;
      await tap(page, screen, 'nav');
      await waitForState(page, (x) => x.screen === screen.toLowerCase(), { what: screen });
      await settleQuiet(page);
      // The tap's frames up to the new screen drawn: the slowest is the new screen's first layout.
      const first = Math.max(...framesSince(await state(page), before));
      before = (await state(page)).frames_rendered;
      for (let i = 0; i < 8; i++) await drag(page, 200, 650, 0, -400, 12, 16);
      await settleQuiet(page);
      const scrolling = framesSince(await state(page), before);
      out[screen] = { first, median: median(scrolling), max: Math.max(...scrolling), frames: scrolling.length };
    }
    return out;
  } finally {
    await context.close();
  }
}

const env = await launch();
try {
  const doc = yearsOfData({ from: Date.UTC(2016, 2, 13), sessions: 0 });
  console.log(`history benchmark: ${doc.runs.length} runs over ten years, ${doc.shoes.length} pairs; phone ` +
              `${PHONE.viewport.width}x${PHONE.viewport.height} DPR ${PHONE.deviceScaleFactor}; ${RUNS} runs`);
  const results = [];
  for (let i = 0; i < RUNS; i++) {
    const r = await measure(env, doc);
    results.push(r);
    for (const screen of ['Log', 'Home'])
      console.log(`  run ${i + 1} ${screen.padEnd(4)}: first frame after the tab tap ${r[screen].first.toFixed(2)} ms; ` +
                  `scrolling ${r[screen].frames} frames, median ${r[screen].median.toFixed(2)} ms, slowest ${r[screen].max.toFixed(2)} ms`);
  }
  const m = (screen, key) => median(results.map((r) => r[screen][key])).toFixed(2);
  console.log('medians (ms of wasm per frame)        Log (history)   Home');
  console.log(`  first frame after the tab tap        ${m('Log', 'first').padStart(8)}   ${m('Home', 'first').padStart(8)}`);
  console.log(`  scrolling, median frame              ${m('Log', 'median').padStart(8)}   ${m('Home', 'median').padStart(8)}   (aim < 4 ms)`);
  console.log(`  scrolling, slowest frame             ${m('Log', 'max').padStart(8)}   ${m('Home', 'max').padStart(8)}`);
} finally {
  await env.close();
}
