// Issue 4, "Shoes and miles": the Home glance, Shoes and Log screens on a phone (390x844, DPR 3,
// touch). Shoes are added, runs logged, edited and deleted through real taps and typing; the
// results are read back from state(). "Today" is pinned to Thursday 2026-03-12 (a week that
// starts Monday 2026-03-09) so weekly figures are exact.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launch, openApp, PHONE, state, dispatch, widget, tap, screenshot, waitForState, settleFrames, pinToday, drag, find,
  go, typeInto, reveal, tapVisible, pickDate,
} from './helpers.mjs';
import { yearsOfData } from './years_of_data.mjs';

const MI = 1609.344;
const TODAY = '2026-03-12';
const YESTERDAY = '2026-03-11';
const near = (a, b, what, eps = 0.01) => assert.ok(Math.abs(a - b) <= eps, `${what}: ${a} vs ${b}`);

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

// Waits for render-on-demand to go idle. Frames at DPR 3 in SwiftShader are slow on a busy
// machine, so the wait is generous; idling itself is the foundation tests' business.
const settle = (page) => settleFrames(page, { quietMs: 250, timeout: 30000 });
const shoeNamed = (s, name) => s.shoes.find((x) => x.name === name);
const visibleOf = (s, kind) => s.ui.widgets.filter((w) => w.kind === kind && w.visible);

describe('shoes, runs and weekly load through taps on a phone', () => {
  let opened;
  let page;
  before(async () => { opened = await openApp(env, PHONE, { initScript: pinToday }); page = opened.page; });
  after(async () => { await opened?.context.close(); });

  test('adds three shoes by tapping and typing', async () => {
    await go(page, 'Shoes');
    const add = async (name, start) => {
      const before = (await state(page)).shoes.length;
      await tapVisible(page, 'Add shoes', 'button');
      const warn = await widget(page, 'Warn at', 'text');
      const replace = await widget(page, 'Replace at', 'text');
      assert.equal(warn.value, '300', 'default warn threshold in miles');
      assert.equal(replace.value, '500', 'default replace threshold in miles');
      await typeInto(page, 'Shoe name', name);
      if (start) await typeInto(page, 'Start distance', start);
      await tapVisible(page, 'Save shoes', 'button');
      return waitForState(page, (s) => s.shoes.length === before + 1, { what: `shoe ${name} added` });
    };
    await add('Pegasus 40');
    await add('Speedgoat 5', '340');
    const s = await add('Clifton 9', '120');
    assert.deepEqual(s.shoes.map((x) => x.name), ['Pegasus 40', 'Speedgoat 5', 'Clifton 9']);
    const [peg, goat, clif] = s.shoes;
    assert.equal(peg.status, 'ok');
    assert.equal(goat.status, 'warn', '340 mi is past the 300 mi warning');
    assert.equal(clif.status, 'ok');
    near(goat.start_distance_m, 340 * MI, 'Speedgoat start distance');
    near(goat.distance_m, 340 * MI, 'Speedgoat distance');
    near(peg.warn_at_m, 300 * MI, 'default warn_at_m', 0.5);
    near(peg.replace_at_m, 500 * MI, 'default replace_at_m', 0.5);
    assert.deepEqual(opened.errors, []);
  });

  test('logs runs with a quick pick and Save (two taps), and with typed distance and time', async () => {
    await go(page, 'Log');
    const peg = shoeNamed(await state(page), 'Pegasus 40');
    // Two taps: quick pick "5" (miles) + Save run. The default shoe and today are preselected.
    await tapVisible(page, '5', 'button');
    await tapVisible(page, 'Save run', 'button');
    let s = await waitForState(page, (st) => st.runs.length === 1, { what: 'first run saved' });
    near(s.runs[0].distance_m, 5 * MI, 'quick pick 5 mi');
    assert.equal(s.runs[0].date, TODAY);
    assert.equal(s.runs[0].shoe_id, peg.id, 'the default shoe is preselected');
    assert.equal(s.runs[0].warmup, false);

    // Yesterday, another shoe and the warm-up tick: five taps in all.
    const goat = shoeNamed(s, 'Speedgoat 5');
    await tapVisible(page, '3', 'button');
    await tapVisible(page, 'Yesterday', 'button');
    await tapVisible(page, 'Speedgoat 5', 'button');
    await tapVisible(page, 'Warm-up', 'checkbox');
    await tapVisible(page, 'Save run', 'button');
    s = await waitForState(page, (st) => st.runs.length === 2, { what: 'second run saved' });
    const second = s.runs.find((r) => r.date === YESTERDAY);
    near(second.distance_m, 3 * MI, 'quick pick 3 mi');
    assert.equal(second.shoe_id, goat.id);
    assert.equal(second.warmup, true);
    assert.equal(second.cooldown, false);

    // Typed distance and time.
    await typeInto(page, 'Distance', '4.25');
    await typeInto(page, 'Time', '40:30');
    await tapVisible(page, 'Save run', 'button');
    s = await waitForState(page, (st) => st.runs.length === 3, { what: 'typed run saved' });
    const typed = s.runs.find((r) => Math.abs(r.distance_m - 4.25 * MI) < 0.01);
    assert.ok(typed, 'run of 4.25 mi');
    assert.equal(typed.duration_s, 2430);
    assert.equal(typed.shoe_id, peg.id);
    assert.equal(typed.date, TODAY);

    // A zero distance is refused on the spot: nothing is logged and the draft stays.
    await typeInto(page, 'Distance', '0');
    await tapVisible(page, 'Save run', 'button');
    await settle(page);
    s = await state(page);
    assert.equal(s.runs.length, 3, 'no run logged for 0');
    assert.equal(s.ui.widgets.find((w) => w.label === 'Distance' && w.kind === 'text').value, '0', 'draft kept');
    await typeInto(page, 'Distance', '');

    // Shoes and load read back.
    near(shoeNamed(s, 'Pegasus 40').distance_m, 9.25 * MI, 'Pegasus: 5 + 4.25 mi');
    near(shoeNamed(s, 'Speedgoat 5').distance_m, 343 * MI, 'Speedgoat: 340 + 3 mi');
    near(s.load.this_week_m, 12.25 * MI, 'this week (Mon 9 - Sun 15 Mar)');
    assert.equal(s.load.last_week_m, 0);
    assert.equal(s.load.ten_percent_exceeded, false, 'no cap without last week');
    assert.equal(s.load.consecutive_run_days, 2);
    await screenshot(page, 'log-phone-taps.png');
  });

  test('edits a run, deletes one and undoes the delete', async () => {
    // Recent runs are newest first: the first "Edit" is today's 4.25 mi run.
    let s = await state(page);
    const typed = s.runs.find((r) => Math.abs(r.distance_m - 4.25 * MI) < 0.01);
    await tapVisible(page, 'Edit', 'button');
    await waitForState(page, (st) => st.ui.widgets.some((w) => w.label === 'Distance' && w.value === '4.25'),
      { what: 'the run loaded into the form' });
    assert.equal((await widget(page, 'Time', 'text')).value, '40:30');
    await typeInto(page, 'Distance', '6');
    await tapVisible(page, 'Save changes', 'button');
    s = await waitForState(page, (st) => Math.abs(st.runs.find((r) => r.id === typed.id).distance_m - 6 * MI) < 0.01,
      { what: 'the run updated to 6 mi' });
    const edited = s.runs.find((r) => r.id === typed.id);
    assert.equal(edited.duration_s, 2430, 'time kept');
    assert.equal(s.runs.length, 3);
    near(shoeNamed(s, 'Pegasus 40').distance_m, 11 * MI, 'Pegasus after the edit');

    // Delete the newest run, then Undo from the bar.
    const deletedId = typed.id;
    await settle(page);
    await tapVisible(page, 'Delete', 'button');
    s = await waitForState(page, (st) => st.runs.length === 2, { what: 'run deleted' });
    assert.ok(!s.runs.some((r) => r.id === deletedId));
    near(shoeNamed(s, 'Pegasus 40').distance_m, 5 * MI, 'Pegasus without the deleted run');
    const undo = await widget(page, 'Undo', 'button');
    assert.ok(undo.y + undo.h <= 844 - 60, 'the Undo bar sits above the navigation');
    await screenshot(page, 'log-undo-phone.png');
    await page.touchscreen.tap(undo.x + undo.w / 2, undo.y + undo.h / 2);
    s = await waitForState(page, (st) => st.runs.length === 3, { what: 'run restored' });
    const back = s.runs.find((r) => r.id === deletedId);
    assert.ok(back, 'the same run is back');
    near(back.distance_m, 6 * MI, 'restored distance');
    assert.equal(back.duration_s, 2430);
    near(shoeNamed(s, 'Pegasus 40').distance_m, 11 * MI, 'Pegasus after undo');
    await settle(page);
    assert.ok(!(await state(page)).ui.widgets.some((w) => w.label === 'Undo' && w.visible), 'bar gone after Undo');
  });

  test('a wear sign flags a shoe for replacement; retire and reactivate by taps', async () => {
    await go(page, 'Shoes');
    await tapVisible(page, 'Clifton 9', 'button');
    await tapVisible(page, 'Discomfort when running', 'checkbox');
    let s = await waitForState(page, (st) => shoeNamed(st, 'Clifton 9').status === 'replace',
      { what: 'Clifton 9 flagged by a wear sign' });
    assert.equal(shoeNamed(s, 'Clifton 9').wear.discomfort, true);
    near(shoeNamed(s, 'Clifton 9').distance_m, 120 * MI, 'far below the 500 mi mark');
    await screenshot(page, 'shoes-wear-phone.png');

    await tapVisible(page, 'Retire these shoes', 'button');
    s = await waitForState(page, (st) => shoeNamed(st, 'Clifton 9').status === 'retired', { what: 'retired' });
    await settle(page);
    await tapVisible(page, 'Clifton 9', 'button');
    await tapVisible(page, 'Put back in use', 'button');
    s = await waitForState(page, (st) => shoeNamed(st, 'Clifton 9').status === 'replace', { what: 'back in use' });

    // Home lists it with the word, not colour alone, and warns.
    await go(page, 'Home');
    s = await state(page);
    const line = visibleOf(s, 'info').find((w) => w.label.startsWith('Clifton 9'));
    assert.match(line.label, /Replace/);
    assert.ok(visibleOf(s, 'info').some((w) => w.value === 'warning' && /Replace Clifton 9/.test(w.label)));
  });

  test('switching to kilometres changes Home and the shoe thresholds', async () => {
    await go(page, 'Home');
    let s = await state(page);
    const milesText = visibleOf(s, 'info').map((w) => w.label);
    assert.ok(milesText.some((t) => /Pegasus 40 - 11\.0 mi - Good/.test(t)), milesText.join(' | '));
    assert.ok(milesText.some((t) => /^This week 14\.0 mi/.test(t)), milesText.join(' | '));

    await go(page, 'Settings');
    await tapVisible(page, 'Kilometres', 'button');
    await waitForState(page, (st) => st.settings.units === 'km', { what: 'units km' });
    await go(page, 'Home');
    s = await state(page);
    const kmText = visibleOf(s, 'info').map((w) => w.label);
    assert.ok(kmText.some((t) => /Pegasus 40 - 17\.7 km - Good/.test(t)), kmText.join(' | '));
    assert.ok(kmText.some((t) => /^This week 22\.5 km/.test(t)), kmText.join(' | '));
    assert.ok(!kmText.some((t) => / mi\b/.test(t)), 'no miles left on Home');

    // Defaults read 483 / 805 km; stored metres do not move.
    await go(page, 'Shoes');
    await tapVisible(page, 'Pegasus 40', 'button');
    assert.equal((await widget(page, 'Warn at', 'text')).value, '483');
    assert.equal((await widget(page, 'Replace at', 'text')).value, '805');
    s = await state(page);
    near(shoeNamed(s, 'Pegasus 40').warn_at_m, 300 * MI, 'warn_at_m unchanged', 0.5);

    // The Log quick picks follow the units.
    // (The Log screen keeps its scroll position: the quick picks may be above the top by now.)
    await go(page, 'Log');
    assert.ok(await reveal(page, '21.1', 'button'));
    assert.deepEqual(opened.errors, []);
  });
});

// ---------------------------------------------------------------------------------------------
// A lived-in state for the screenshots: three shoes in different states and 12 weeks of runs.
function day(offset) {
  const d = new Date(Date.UTC(2026, 2, 12 + offset));
  return d.toISOString().slice(0, 10);
}

describe('screenshots with three shoes in different states', () => {
  let opened;
  let page;
  before(async () => { opened = await openApp(env, PHONE, { initScript: pinToday }); page = opened.page; });
  after(async () => { await opened?.context.close(); });

  test('Home shows every shoe, this week and the warnings without scrolling', async () => {
    const ok = (r) => { assert.equal(r.ok, true, JSON.stringify(r)); return r.id; };
    const peg = ok(await dispatch(page, { type: 'add_shoe', name: 'Pegasus 40', start_distance_m: 0, is_default: true }));
    const goat = ok(await dispatch(page, { type: 'add_shoe', name: 'Speedgoat 5', start_distance_m: 320 * MI }));
    const clif = ok(await dispatch(page, { type: 'add_shoe', name: 'Clifton 9', start_distance_m: 180 * MI }));
    ok(await dispatch(page, { type: 'set_shoe_wear', id: clif, uneven_wear: false, discomfort: false, stride_change: true }));
    // Thursday 12 Mar 2026; weeks start on Monday. Runs on Tue, Thu, Sat, Sun of past weeks.
    const weekly = [14, 15, 17, 16, 18, 19, 13, 19, 21, 22, 23];  // miles, oldest first
    for (let w = 0; w < weekly.length; w++) {
      const monday = -3 - 7 * (weekly.length - w);
      const parts = [0.2, 0.25, 0.2, 0.35];
      const days = [1, 3, 5, 6];
      for (let i = 0; i < 4; i++) {
        const shoe = i === 3 ? (w < 6 ? goat : clif) : peg;
        ok(await dispatch(page, { type: 'add_run', date: day(monday + days[i]), distance_m: weekly[w] * parts[i] * MI,
          shoe_id: shoe, warmup: i !== 1, cooldown: i === 3, duration_s: weekly[w] * parts[i] * 540 }));
      }
    }
    // This week so far: Monday and Wednesday.
    ok(await dispatch(page, { type: 'add_run', date: day(-3), distance_m: 5 * MI, shoe_id: peg, warmup: true }));
    ok(await dispatch(page, { type: 'add_run', date: day(-1), distance_m: 9 * MI, shoe_id: peg, warmup: true, duration_s: 9 * 560 }));

    const s = await state(page);
    const statuses = Object.fromEntries(s.shoes.map((x) => [x.name, x.status]));
    assert.deepEqual(statuses, { 'Pegasus 40': 'ok', 'Speedgoat 5': 'warn', 'Clifton 9': 'replace' });
    assert.ok(shoeNamed(s, 'Speedgoat 5').distance_m >= 340 * MI && shoeNamed(s, 'Speedgoat 5').distance_m < 400 * MI);

    await settle(page);  // the set-up's saves
    await go(page, 'Home');
    await settle(page);
    const home = await state(page);
    const info = visibleOf(home, 'info');
    for (const name of ['Pegasus 40', 'Speedgoat 5', 'Clifton 9']) {
      const row = info.find((w) => w.label.startsWith(name));
      assert.ok(row, `${name} on Home`);
      assert.ok(row.y >= 52 && row.y + row.h <= 844 - 60, `${name} visible without scrolling`);
    }
    const logButton = await widget(page, 'Log a run', 'button');
    assert.ok(logButton.y + logButton.h <= 844 - 60, 'Log a run visible without scrolling');
    const week = info.find((w) => w.label.startsWith('This week'));
    assert.ok(week && week.y + week.h <= 844 - 60, 'this week against its cap visible without scrolling');
    assert.ok(info.some((w) => w.value === 'warning' && /Clifton 9/.test(w.label)), 'wear warning');
    await screenshot(page, 'home-three-shoes.png');
  });

  test('Shoes and Log screenshots', async () => {
    await go(page, 'Shoes');
    await tapVisible(page, 'Speedgoat 5', 'button');
    await settle(page);
    await screenshot(page, 'shoes-phone.png');
    await go(page, 'Log');
    await tapVisible(page, '5', 'button');
    await settle(page);
    await screenshot(page, 'log-phone.png');
    assert.deepEqual(opened.errors, []);
  });
});

// ---------------------------------------------------------------------------------------------
// Issue 14: a backdated run lands on the pair in use on its date, not on today's default pair.
describe('a backdated run on a phone', () => {
  test('the Log offers the pairs in use on the typed date and saves the run on the one in use then', async () => {
    const opened = await openApp(env, PHONE, { initScript: pinToday });
    const { page, context } = opened;
    try {
      for (const shoe of [{ name: 'Old Pegasus', purchase_date: '2024-01-01' },
                          { name: 'New Ghost', purchase_date: '2026-02-01', is_default: true }]) {
        const r = await dispatch(page, { type: 'add_shoe', ...shoe });
        assert.ok(r.ok, r.error);
      }
      await go(page, 'Log');
      const shoeButtons = (s) => s.ui.widgets.filter((w) => w.kind === 'button' && /^(Old Pegasus|New Ghost)/.test(w.label))
        .map((w) => w.label.split('##')[0]);
      let s = await state(page);
      assert.deepEqual(shoeButtons(s).sort(), ['New Ghost', 'Old Pegasus'], 'today both pairs are offered');

      await pickDate(page, 'Date', '2025-06-14');
      s = await waitForState(page, (x) => !shoeButtons(x).includes('New Ghost'), { what: 'the new pair left out' });
      assert.deepEqual(shoeButtons(s), ['Old Pegasus'], 'a pair bought after that day is not offered');
      await tapVisible(page, '5', 'button');
      await tapVisible(page, 'Save run', 'button');
      s = await waitForState(page, (x) => x.runs.length === 1, { what: 'the run saved' });
      const old = s.shoes.find((x) => x.name === 'Old Pegasus');
      assert.equal(s.runs[0].date, '2025-06-14');
      assert.equal(s.runs[0].shoe_id, old.id, 'on the pair in use then, not the default bought later');
      assert.equal(old.first_run, '2025-06-14');
      assert.deepEqual(s.history.months, [{ month: '2025-06', distance_m: s.runs[0].distance_m, runs: 1, duration_s: 0 }]);
      assert.deepEqual(opened.errors, []);
    } finally {
      await context.close();
    }
  });
});

// Issue 14: ten years of runs, every one within reach by touch.
describe('ten years of runs on a phone', () => {
  test('a year button jumps to that year; a run from two years ago is edited by touch', async () => {
    const opened = await openApp(env, PHONE, { initScript: pinToday });
    const { page, context } = opened;
    try {
      const doc = yearsOfData({ from: Date.UTC(2016, 2, 13), sessions: 0 });  // a run a day up to 2026-03-11
      const r = await dispatch(page, { type: 'import_backup', json: JSON.stringify(doc), confirm: true });
      assert.ok(r.ok, r.error);
      let s = await waitForState(page, (x) => x.runs.length === 3650, { what: 'ten years loaded' });
      assert.equal(s.history.years.length, 11);
      assert.deepEqual(s.history.months[0], { month: '2026-03',
        ...['distance_m', 'runs', 'duration_s'].reduce((o, k) => ({ ...o, [k]: doc.runs.filter((x) => x.date >= '2026-03')
          .reduce((sum, x) => sum + (k === 'runs' ? 1 : x[k]), 0) }), {}) });
      await go(page, 'Log');
      await tapVisible(page, '2023', 'button');
      // The list jumps: December 2023 comes to the top of the screen.
      await waitForState(page, (x) => x.ui.widgets.some((w) => w.label === 'December 2023' && w.visible),
        { what: 'the jump to 2023' });
      const row = await reveal(page, 'Edit run 2023-12-30', 'button');
      const run = doc.runs.find((x) => x.date === '2023-12-30');
      assert.match(row.value, /^30 Dec 2023 {3}/, 'the row says its date');
      await screenshot(page, 'log-history-2023-phone.png');
      await page.touchscreen.tap(row.x + row.w / 2, row.y + row.h / 2);
      await waitForState(page, (x) => x.ui.widgets.some((w) => w.label === 'Date' && w.value === '2023-12-30'),
        { what: 'the run in the form' });
      await typeInto(page, 'Distance', '12.5');
      await tapVisible(page, 'Save changes', 'button');
      s = await waitForState(page, (x) => Math.abs(x.runs.find((y) => y.id === run.id).distance_m - 12500) < 0.5,
        { what: 'the old run edited' });
      assert.equal(s.runs.find((y) => y.id === run.id).date, '2023-12-30');
      assert.deepEqual(opened.errors, []);
    } finally {
      await context.close();
    }
  });
});

// Issue 14: each pair's own page, and a month of runs moved to the pair actually worn.
describe('a pair\'s own page with three years of runs on a phone', () => {
  test('shows its dates and distance over time; a month of runs moves to another pair and back', async () => {
    const opened = await openApp(env, PHONE, { initScript: pinToday });
    const { page, context } = opened;
    try {
      const doc = yearsOfData({ from: Date.UTC(2016, 2, 13), sessions: 0 });
      doc.runs = doc.runs.slice(-1095);  // three years, up to 2026-03-10
      const r = await dispatch(page, { type: 'import_backup', json: JSON.stringify(doc), confirm: true });
      assert.ok(r.ok, r.error);
      let s = await waitForState(page, (x) => x.runs.length === 1095, { what: 'three years loaded' });
      const worn = s.shoes.find((x) => x.name === 'Shoe 30');
      const other = s.shoes.find((x) => x.name === 'Shoe 29');
      const onWorn = doc.runs.filter((x) => x.shoe_id === worn.id);
      await go(page, 'Shoes');
      await tapVisible(page, 'Shoe 30', 'button');
      const storyButton = find(await waitForState(page, (x) => x.ui.widgets.some((w) => w.label.startsWith('Runs and'))),
        `Runs and history (${onWorn.length})`, 'button');
      assert.ok(storyButton, 'the open card offers the pair\'s page with its run count');
      await tapVisible(page, storyButton.label, 'button');
      s = await waitForState(page, (x) => find(x, 'Shoe dates', 'info'), { what: 'the pair\'s page' });
      const dates = find(s, 'Shoe dates', 'info').value;
      assert.match(dates, /First run Wed 19 Nov 2025\. Last run Tue 10 Mar\./, dates);
      assert.equal(find(s, 'Distance over time', 'info').value.split(' ')[0], '5', 'one point per month, Nov to Mar');
      assert.equal(find(s, 'February 2026', 'info')?.value ?? null, null, 'the list starts at March (scrolled out later)');
      await screenshot(page, 'shoe-story-phone.png');

      // February 2026: jump there by its year and month, tick the month, move it.
      await tapVisible(page, '2026', 'button');
      await tapVisible(page, 'Feb 2026', 'button');
      await waitForState(page, (x) => x.ui.widgets.some((w) => w.label === 'February 2026' && w.visible),
        { what: 'the jump to February 2026' });
      await tapVisible(page, 'Tick all February 2026', 'button');
      const february = onWorn.filter((x) => x.date.startsWith('2026-02')).map((x) => x.id);
      assert.equal(february.length, 28);
      s = await waitForState(page, (x) => find(x, 'Runs ticked', 'info')?.value === '28', { what: '28 runs ticked' });
      await screenshot(page, 'shoe-story-ticked-phone.png');
      await tapVisible(page, 'Move to...', 'button');
      await waitForState(page, (x) => find(x, 'Move 28 runs to which pair?', 'info'), { what: 'the pair chooser' });
      await tapVisible(page, 'Shoe 29', 'button');
      s = await waitForState(page, (x) => february.every((id) => x.runs.find((y) => y.id === id).shoe_id === other.id),
        { what: 'February on Shoe 29' });
      // Only February moved, in one change; the page and the pairs' totals follow.
      assert.equal(s.runs.filter((x) => x.shoe_id === worn.id).length, onWorn.length - 28);
      s = await waitForState(page, (x) => find(x, 'Move result', 'info') && !find(x, 'Runs ticked', 'info'),
        { what: 'the page after the move' });
      assert.equal(find(s, 'Move result', 'info').value, 'Moved 28 runs to Shoe 29.');
      assert.equal(s.shoes.find((y) => y.id === worn.id).runs, onWorn.length - 28);
      assert.equal(find(s, 'February 2026', 'info'), undefined, 'February left this pair\'s list');
      await screenshot(page, 'shoe-story-moved-phone.png');

      await tapVisible(page, 'Undo move', 'button');
      s = await waitForState(page, (x) => february.every((id) => x.runs.find((y) => y.id === id).shoe_id === worn.id),
        { what: 'February back on Shoe 30' });
      assert.deepEqual(opened.errors, []);
    } finally {
      await context.close();
    }
  });

  test('the Log shows one pair\'s runs with their month totals, and jumps to a month', async () => {
    const opened = await openApp(env, PHONE, { initScript: pinToday });
    const { page, context } = opened;
    try {
      const doc = yearsOfData({ from: Date.UTC(2016, 2, 13), sessions: 0 });
      doc.runs = doc.runs.slice(-1095);
      const r = await dispatch(page, { type: 'import_backup', json: JSON.stringify(doc), confirm: true });
      assert.ok(r.ok, r.error);
      let s = await waitForState(page, (x) => x.runs.length === 1095, { what: 'three years loaded' });
      const pair = s.shoes.find((x) => x.name === 'Shoe 27');  // retired; four months of runs early in 2025
      const its = doc.runs.filter((x) => x.shoe_id === pair.id);
      await go(page, 'Log');
      assert.equal(find(s = await state(page), 'Filter by pair', 'button')?.value ?? (await reveal(page, 'Filter by pair', 'button')).value, 'all');
      await tapVisible(page, 'Filter by pair', 'button');
      await waitForState(page, (x) => find(x, 'Show the runs of', 'info'), { what: 'the pairs card' });
      await screenshot(page, 'log-filter-card-phone.png');
      // Thirty pairs: the card scrolls by itself under a finger (mid-card; its right edge is the scrollbar).
      for (let i = 0; i < 6; i++) {
        const w = find(await state(page), 'Shoe 27 (retired)', 'button');
        if (w.visible && w.y + w.h < 700) break;
        await drag(page, 200, 650, 0, -300, 4, 0);
        await settle(page);
      }
      await tapVisible(page, 'Shoe 27 (retired)', 'button');
      s = await waitForState(page, (x) => find(x, 'Filter by pair', 'button')?.value === 'Shoe 27', { what: 'the filter' });
      // Jump to the month it came into use (another pair ran the first days) and read its heading:
      // this pair's runs of that month only.
      const middle = its[0].date.slice(0, 7);
      const first = new Date(`${middle}-01T12:00:00Z`);
      const name = (style) => first.toLocaleString('en-GB', { month: style, timeZone: 'UTC' });
      const year = middle.slice(0, 4);
      await tapVisible(page, year, 'button');
      await tapVisible(page, `${name('short')} ${year}`, 'button');
      const heading = await reveal(page, `${name('long')} ${year}`, 'info');
      const month = its.filter((x) => x.date.startsWith(middle));
      const km = (month.reduce((sum, x) => sum + x.distance_m, 0) / 1000).toFixed(1);
      assert.ok(heading.value.startsWith(`${month.length} runs, ${km} km`), heading.value);
      assert.ok(month.length < doc.runs.filter((x) => x.date.startsWith(middle)).length, 'other pairs ran that month too');
      s = await state(page);
      const rows = s.ui.widgets.filter((w) => w.label.startsWith('Edit run ') && w.visible);
      assert.ok(rows.length > 3);
      for (const row of rows) {
        const date = row.label.slice('Edit run '.length);
        assert.ok(its.some((x) => x.date === date), `${date} is a run in Shoe 27`);
      }
      await screenshot(page, 'log-filter-phone.png');
      assert.deepEqual(opened.errors, []);
    } finally {
      await context.close();
    }
  });
});
