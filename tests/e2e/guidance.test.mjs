// Issue 6, "The article's guidance in the app": the Guide screen and its pages (warm-up checklist,
// hip and core routine with the plank timer, pain log with the see-a-doctor card) on a phone
// (390x844, DPR 3, touch). Strength sessions and pain entries are logged through real taps, typing
// and the date picker; results are read back from state(). "Today" is pinned to Thursday 2026-03-12.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launch, openApp, PHONE, state, dispatch, widget, screenshot, waitForState, settleFrames, pinToday,
  find, go, reveal, settleQuiet, swipe, tapVisible, scrollToTop, typeInto, pickDate,
} from './helpers.mjs';

const TODAY = '2026-03-12';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

// Taps the severity slider where `value` (0-10) sits: ImGui keeps 2 device px of padding and a
// 28 CSS px grab, and rounds to the "%.0f" format.
async function setSeverity(page, value) {
  const w = await reveal(page, 'Severity', 'slider');
  const pad = 2 / 3, grab = 28;
  const x = w.x + pad + grab / 2 + (w.w - 2 * pad - grab) * (value / 10);
  await page.touchscreen.tap(x, w.y + w.h / 2);
  await waitForState(page, (s) => find(s, 'Severity', 'slider')?.value === String(value),
    { what: `severity ${value}` });
}

describe('the guidance on a phone', () => {
  let opened;
  let page;
  before(async () => { opened = await openApp(env, PHONE, { initScript: pinToday }); page = opened.page; });
  after(async () => { await opened?.context.close(); });

  test('Guide: six mistakes with links into the tools, FAQ, evidence, search', async () => {
    await go(page, 'Guide');
    let s = await state(page);
    for (const tab of ['Guide', 'Warm-up', 'Strength', 'Pain log']) assert.ok(find(s, tab, 'button'), `tab ${tab}`);
    await screenshot(page, 'guide-phone.png');
    // One link per mistake, in the article's order.
    const links = ['Open the warm-up checklist', 'Check your shoes', 'Measure your cadence', 'Strength routine',
      "See this week's load", 'Log pain'];
    for (const l of links) assert.ok(find(s, l, 'button'), `link "${l}"`);

    await tapVisible(page, 'Check your shoes', 'button');
    await waitForState(page, (st) => st.screen === 'shoes', { what: 'shoe list' });
    await go(page, 'Guide');
    await tapVisible(page, 'Measure your cadence', 'button');
    await waitForState(page, (st) => st.screen === 'cadence', { what: 'cadence meter' });
    await go(page, 'Guide');
    await tapVisible(page, "See this week's load", 'button');
    await waitForState(page, (st) => st.screen === 'home', { what: 'weekly load on Home' });
    await go(page, 'Guide');
    await tapVisible(page, 'Strength routine', 'button');
    await waitForState(page, (st) => st.ui.widgets.some((w) => w.label === "Log today's session"), { what: 'strength page' });
    await tapVisible(page, 'Guide', 'button');
    await tapVisible(page, 'Log pain', 'button');
    await waitForState(page, (st) => st.ui.widgets.some((w) => w.label === 'Save pain entry'), { what: 'pain log page' });
    await tapVisible(page, 'Guide', 'button');
    await tapVisible(page, 'Open the warm-up checklist', 'button');
    await waitForState(page, (st) => st.ui.widgets.some((w) => w.label === 'Leg swings' && w.kind === 'checkbox'),
      { what: 'warm-up checklist' });

    // Search: every word must match; hits bring their own links.
    await tapVisible(page, 'Guide', 'button');
    await scrollToTop(page);
    await typeInto(page, 'Search the guide', 'plantar');
    await settleQuiet(page);
    s = await state(page);
    assert.ok(find(s, 'Check your shoes', 'button'), 'the shoe mistake found');
    assert.ok(!find(s, 'Measure your cadence', 'button'), 'other mistakes hidden');
    await typeInto(page, 'Search the guide', 'bridges');
    await waitForState(page, (st) => st.ui.widgets.some((w) => w.label === 'Open the strength routine'),
      { what: 'strength hit' });
    await typeInto(page, 'Search the guide', '');
    await waitForState(page, (st) => new Set(st.ui.widgets.filter((w) => links.includes(w.label)).map((w) => w.label)).size === 6,
      { what: 'whole guide back' });
    assert.deepEqual(opened.errors, []);
  });

  test('warm-up checklist: ticks for today, then the Log form with both boxes ticked', async () => {
    await tapVisible(page, 'Warm-up', 'button');
    for (const step of ['Leg swings', 'Walking lunges', 'Hip circles', 'Easy jog', 'Stretching']) {
      const w = await reveal(page, step, 'checkbox');
      assert.equal(w.value, 'false', `${step} starts unticked`);
    }
    await tapVisible(page, 'Leg swings', 'checkbox');
    await waitForState(page, (s) => find(s, 'Leg swings', 'checkbox').value === 'true', { what: 'leg swings ticked' });
    await tapVisible(page, 'Log a run with warm-up and cool-down ticked', 'button');
    await waitForState(page, (s) => s.screen === 'log', { what: 'the Log screen' });
    await settleQuiet(page);
    const s = await state(page);
    assert.equal(find(s, 'Warm-up', 'checkbox')?.value, 'true', 'Log form: warm-up ticked');
    assert.equal(find(s, 'Cool-down', 'checkbox')?.value, 'true', 'Log form: cool-down ticked');
  });

  test('hip and core: tick exercises, plank timer, weekly target, log the session', async () => {
    await go(page, 'Guide');
    await tapVisible(page, 'Strength', 'button');
    let s = await state(page);
    assert.equal(s.strength.sessions_this_week, 0);
    assert.equal(s.strength.target_per_week, 2, 'default target');

    await tapVisible(page, '+', 'button');
    s = await waitForState(page, (st) => st.strength.target_per_week === 3, { what: 'target 3' });
    assert.equal(s.settings.strength_target_per_week, 3);
    await tapVisible(page, '-', 'button');
    await waitForState(page, (st) => st.strength.target_per_week === 2, { what: 'target back to 2' });

    // The plank timer counts up while running and keeps the last hold when stopped.
    // (No settling while it runs: the app draws a few frames a second for it.)
    const start = await reveal(page, 'Start', 'button');
    await page.touchscreen.tap(start.x + start.w / 2, start.y + start.h / 2);
    await waitForState(page, (st) => find(st, 'Stop', 'button'), { what: 'timer running' });
    const framesAtStart = (await state(page)).frames_rendered;
    await page.waitForTimeout(1500);
    let s2 = await state(page);
    const framesWhileRunning = s2.frames_rendered - framesAtStart;
    assert.ok(framesWhileRunning >= 3, `the timer keeps drawing while it runs (${framesWhileRunning} frames in 1.5 s)`);
    assert.ok(Number(find(s2, 'Stop', 'button').value) >= 1, 'the count went up without input');
    const stop = find(s2, 'Stop', 'button');
    await page.touchscreen.tap(stop.x + stop.w / 2, stop.y + stop.h / 2);
    await waitForState(page, (st) => find(st, 'Start', 'button'), { what: 'timer stopped' });
    await settleFrames(page, { quietMs: 300 });
    const held = Number(find(await state(page), 'Start', 'button').value);
    assert.ok(held >= 1.4 && held < 10, `plank hold ${held} s`);

    await tapVisible(page, 'Bridges', 'checkbox');
    await tapVisible(page, 'Single-leg squats', 'checkbox');
    await tapVisible(page, "Log today's session", 'button');
    s = await waitForState(page, (st) => st.strength.sessions_this_week === 1, { what: 'session logged' });
    assert.deepEqual(s.strength.exercises_this_week, ['bridge', 'single_leg_squat']);
    assert.equal(s.strength.target_met, false);
    assert.equal(find(s, 'Bridges', 'checkbox').value, 'false', 'ticks cleared after logging');

    await tapVisible(page, 'Planks', 'checkbox');
    await tapVisible(page, "Log today's session", 'button');
    s = await waitForState(page, (st) => st.strength.sessions_this_week === 2, { what: 'second session' });
    assert.equal(s.strength.target_met, true);
    assert.deepEqual(s.strength.exercises_this_week, ['bridge', 'plank', 'single_leg_squat']);
    assert.ok(s.ui.widgets.some((w) => w.kind === 'info' && /^Hip and core: 2 of 2 sessions/.test(w.label)) ||
      s.ui.widgets.some((w) => w.label === 'Remove'), 'recent sessions listed');
    assert.deepEqual(opened.errors, []);
  });

  test('pain log: body outline and list taps save entries; a four-day series shows the advice card', async () => {
    await go(page, 'Guide');
    await tapVisible(page, 'Pain log', 'button');
    let s = await state(page);
    assert.equal(s.pain.see_doctor, false);
    assert.equal(find(s, 'Pain date', 'text').value, TODAY, 'today by default');

    // Today, left knee picked on the figure, severity 3, no flags.
    await tapVisible(page, 'Left knee', 'button');
    await setSeverity(page, 3);
    await tapVisible(page, 'Save pain entry', 'button');
    s = await waitForState(page, (st) => st.pain.episodes.length === 1, { what: 'first pain entry' });
    assert.deepEqual(
      { area: s.pain.episodes[0].area, side: s.pain.episodes[0].side, severity: s.pain.episodes[0].severity,
        days: s.pain.episodes[0].days },
      { area: 'knee', side: 'left', severity: 3, days: 1 });
    assert.equal(s.pain.see_doctor, false, 'a single mild day is not enough');

    // The right ankle from the list, yesterday, worse with activity: that alone is a reason.
    await tapVisible(page, 'Ankle', 'button');
    await tapVisible(page, 'Right', 'button');
    await tapVisible(page, 'Yesterday', 'button');
    await setSeverity(page, 2);
    await tapVisible(page, 'Worse with activity?', 'checkbox');
    await tapVisible(page, 'Save pain entry', 'button');
    s = await waitForState(page, (st) => st.pain.episodes.length === 2, { what: 'ankle entry' });
    const ankle = s.pain.episodes.find((e) => e.area === 'ankle');
    assert.equal(ankle.side, 'right');
    assert.equal(ankle.worse_with_activity, true);
    assert.equal(ankle.first_date, '2026-03-11');
    assert.equal(s.pain.see_doctor, true);
    assert.ok(s.pain.reasons.some((r) => /right ankle pain gets worse/i.test(r)), s.pain.reasons.join(' | '));

    // Clear it with a 0 ("gone") for today: the advice goes away.
    await setSeverity(page, 0);
    await tapVisible(page, 'Save pain entry', 'button');
    s = await waitForState(page, (st) => !st.pain.see_doctor, { what: 'ankle resolved' });

    // Three earlier days of left knee pain make it last four days.
    await tapVisible(page, 'Left knee', 'button');
    for (const [date, sev] of [['2026-03-11', 4], ['2026-03-10', 3], ['2026-03-09', 2]]) {
      await pickDate(page, 'Pain date', date);
      await setSeverity(page, sev);
      await tapVisible(page, 'Save pain entry', 'button');
      await waitForState(page, (st) => st.pain.episodes.some((e) => e.area === 'knee' && e.first_date === date),
        { what: `knee entry ${date}` });
    }
    s = await waitForState(page, (st) => st.pain.see_doctor, { what: 'see a doctor' });
    const knee = s.pain.episodes.find((e) => e.area === 'knee');
    assert.equal(knee.days, 4);
    assert.equal(knee.first_date, '2026-03-09');
    assert.equal(knee.see_doctor, true);
    assert.ok(s.pain.reasons.some((r) => /left knee pain has lasted 4 days/i.test(r)), s.pain.reasons.join(' | '));

    // Context for the card: a shoe and the runs around the pain (km: 8, 6, 16, 10).
    const shoe = (await dispatch(page, { type: 'add_shoe', name: 'Pegasus 40', is_default: true })).id;
    for (const [date, km] of [['2026-03-02', 8], ['2026-03-04', 6], ['2026-03-06', 16], ['2026-03-10', 10]])
      assert.equal((await dispatch(page, { type: 'add_run', date, distance_m: km * 1000, shoe_id: shoe })).ok, true);
    await dispatch(page, { type: 'set_units', units: 'km' });
    await scrollToTop(page);
    s = await state(page);
    const card = s.ui.widgets.find((w) => w.kind === 'info' && w.value === 'see_doctor');
    assert.ok(card && card.visible && card.y < 300, 'the advice card at the top of the pain log');
    await screenshot(page, 'pain-advice-phone.png');
    assert.deepEqual(opened.errors, []);
  });

  test('Home: the see-a-doctor card first, then the habits (hip and core, warm-ups)', async () => {
    await go(page, 'Home');
    await swipe(page, 150, 820);  // "See this week's load" left Home scrolled down to the chart
    await swipe(page, 150, 820);
    const s = await state(page);
    const card = s.ui.widgets.find((w) => w.kind === 'info' && w.value === 'see_doctor');
    assert.ok(card && card.visible && card.y < 120, `advice card at the top of Home (${JSON.stringify(card)})`);
    const shoe = s.ui.widgets.find((w) => w.kind === 'info' && w.label.startsWith('Pegasus 40'));
    assert.ok(shoe && shoe.y > card.y, 'the card comes before the shoes');
    await screenshot(page, 'home-pain-card-phone.png');
    // The strength test logged two sessions this week; the four runs of the pain test had no ticks.
    const strength = await reveal(page, 'Hip and core: 2 of 2 sessions this week', 'info');
    assert.ok(strength.visible, 'hip and core progress on Home');
    const warmups = await reveal(page, 'Warm-up and cool-down: 0 of the last 4 runs had both', 'info');
    assert.ok(warmups.visible, 'warm-up stats on Home');
    await screenshot(page, 'home-guidance-phone.png');
    // The card's button opens the pain log.
    await swipe(page, 150, 820);
    await swipe(page, 150, 820);
    await tapVisible(page, 'Open the pain log', 'button');
    await waitForState(page, (st) => st.screen === 'guide' && st.ui.widgets.some((w) => w.label === 'Save pain entry'),
      { what: 'the pain log from Home' });
  });

  test('a five-day run streak brings the rest-day advice', async () => {
    for (let d = 8; d <= 12; d++)
      assert.equal((await dispatch(page, { type: 'add_run', date: `2026-03-${String(d).padStart(2, '0')}`, distance_m: 5000 })).ok, true);
    await go(page, 'Guide');
    await tapVisible(page, 'Guide', 'button');
    await scrollToTop(page);
    const s = await state(page);
    assert.equal(s.load.consecutive_run_days, 5);
    const card = s.ui.widgets.find((w) => w.kind === 'info' && w.value === 'rest_day');
    assert.ok(card && card.visible, 'rest-day card on the Guide');
    assert.match(card.label, /5 in a row/);
    // Home says it too, once: the card replaces the shorter streak warning.
    await go(page, 'Home');
    const home = await state(page);
    const onHome = home.ui.widgets.find((w) => w.kind === 'info' && w.value === 'rest_day');
    assert.ok(onHome, 'rest-day card on Home');
    assert.ok(!home.ui.widgets.some((w) => /running days in a row/.test(w.label)), 'no second streak warning');
  });

  test('with nothing moving the app stops drawing (render on demand)', async () => {
    await settleFrames(page, { quietMs: 1000, timeout: 15000 });
    const before = (await state(page)).frames_rendered;
    await page.waitForTimeout(1500);
    assert.ok((await state(page)).frames_rendered - before <= 1, 'no frames while idle on the Guide');
    assert.deepEqual(opened.errors, []);
  });
});
