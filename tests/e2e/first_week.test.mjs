// Issue "A runner's first week" (items 6, 8, 9, 10) on a phone (390x844, DPR 3, touch): tap-along
// counts one foot, a personal cadence target never comes from a nonsense session, a pair of shoes
// gets a replacement estimate only after weeks of runs, the guide answers natural questions, and
// the pain log offers the common running complaints. One browser for the file; "today" is pinned
// to Thursday 2026-03-12.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launch, openApp, PHONE, state, dispatch, screenshot, waitForState, pinToday,
  find, go, reveal, tapVisible, scrollToTop, typeInto, tapRhythm,
} from './helpers.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const sameOrder = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);

describe("a runner's first week on a phone", () => {
  let opened;
  let page;
  before(async () => { opened = await openApp(env, PHONE, { initScript: pinToday }); page = opened.page; });
  after(async () => { await opened?.context.close(); });

  test('cadence: tap-along counts the right foot twice; a 49 steps/min session gives no personal target', async () => {
    await go(page, 'Cadence');
    // The session: a tap-along that averaged 49 steps/min.
    assert.equal((await dispatch(page, { type: 'add_cadence_session', date: '2026-03-10', duration_s: 60, mean_spm: 49,
      time_in_band_s: 0, low_spm: 170, high_spm: 180, series_spm: [49, 49] })).ok, true);
    let s = await state(page);
    assert.equal(s.cadence.personal_target, undefined, 'no target from an implausible session');
    assert.equal(find(s, 'Use my personal target', 'button'), undefined);
    await screenshot(page, 'first-week-cadence-no-target.png');

    // Headless Chromium has no motion sensor: tap-along is offered after the 3 s watchdog.
    await tapVisible(page, 'Start', 'button');
    await waitForState(page, (x) => x.cadence.tap_along, { what: 'tap-along offered', timeout: 15000 });
    await tapVisible(page, 'Tap when your right foot lands', 'button');
    await waitForState(page, (x) => x.cadence.steps === 2, { what: 'one tap = two steps', timeout: 10000 });
    // 90 right-foot landings a minute (2/3 s apart, with their intended times) read 180 steps/min.
    await tapRhythm(page, 6, 2000 / 3);
    s = await state(page);
    assert.ok(Math.abs(s.cadence.spm - 180) <= 1, `tap-along: ${JSON.stringify(s.cadence)}`);
    await screenshot(page, 'first-week-cadence-tap-along.png');
    // Stopping saves the tap-along session if it lasted 10 s (a plausible 180: it may count).
    const stopped = await dispatch(page, { type: 'cadence_stop' });
    await waitForState(page, (x) => !x.cadence.measuring, { what: 'stopped', timeout: 5000 });

    // Two real runs: the target comes from them only, and says which.
    const ids = [];
    for (const [date, spm] of [['2026-03-11', 164], ['2026-03-12', 170]]) {
      const r = await dispatch(page, { type: 'add_cadence_session', date, duration_s: 1800, mean_spm: spm,
        time_in_band_s: 0, low_spm: 170, high_spm: 180, series_spm: [spm] });
      ids.push(r.id);
    }
    const expected = [ids[1], ids[0], ...(stopped.session_id ? [stopped.session_id] : [])];
    s = await waitForState(page, (x) => x.cadence.personal_target?.session_ids?.length === expected.length,
      { what: 'a personal target' });
    const target = s.cadence.personal_target;
    assert.ok(sameOrder(target.session_ids, expected), JSON.stringify(target));  // never the 49 session
    if (!stopped.session_id) assert.equal(target.baseline_spm, 167);
    assert.equal(target.low_spm, Math.round(target.baseline_spm * 1.05));
    assert.equal(target.high_spm, Math.round(target.baseline_spm * 1.10));
    await reveal(page, 'Use my personal target', 'button');
    await screenshot(page, 'first-week-cadence-target.png');
    assert.deepEqual(opened.errors, []);
  });

  test('shoes: one run gives no replacement date; five runs over four weeks give an estimate', async () => {
    const shoe = await dispatch(page, { type: 'add_shoe', name: 'Daily trainers' });
    await dispatch(page, { type: 'add_run', date: '2026-03-12', distance_m: 5000, shoe_id: shoe.id });
    await go(page, 'Shoes');
    let s = await state(page);
    const pair = () => s.shoes.find((x) => x.id === shoe.id);
    assert.equal(pair().projected_replace_date, undefined, 'one run is no basis for a date');
    await screenshot(page, 'first-week-shoes-one-run.png');

    for (const date of ['2026-02-12', '2026-02-19', '2026-02-26', '2026-03-05'])
      await dispatch(page, { type: 'add_run', date, distance_m: 8000, shoe_id: shoe.id });
    s = await waitForState(page, (x) => x.shoes.find((y) => y.id === shoe.id)?.projected_replace_date,
      { what: 'an estimated date' });
    // 37 km over 4 weeks and a day (29 days): about 1.28 km a day, 767.7 km to go -> 602 days.
    assert.equal(pair().projected_replace_date, '2027-11-04');
    await screenshot(page, 'first-week-shoes-estimate.png');
    assert.deepEqual(opened.errors, []);
  });

  test('guide search: natural questions find the best match first; Clear search stays when nothing is found', async () => {
    await go(page, 'Guide');
    await tapVisible(page, 'Guide', 'button');
    await scrollToTop(page);
    await typeInto(page, 'Search the guide', 'how often should I replace my shoes');
    let s = await waitForState(page, (x) => find(x, 'Check your shoes', 'button'), { what: 'the shoe mistake' });
    assert.ok(find(s, 'Clear search', 'button'));
    await screenshot(page, 'first-week-guide-shoes.png');

    await tapVisible(page, 'Clear search', 'button');  // as a runner starts a new search
    await typeInto(page, 'Search the guide', 'shin splints');
    s = await waitForState(page, (x) => find(x, "See this week's load", 'button'), { what: 'adding distance too fast' });
    const load = find(s, "See this week's load", 'button'), pain = find(s, 'Log pain', 'button');
    assert.ok(pain && load.y < pain.y, 'the load mistake ranks first');

    await tapVisible(page, 'Clear search', 'button');
    await typeInto(page, 'Search the guide', 'mileage');
    await waitForState(page, (x) => find(x, "See this week's load", 'button'), { what: 'mileage: weekly distance' });

    await tapVisible(page, 'Clear search', 'button');
    await typeInto(page, 'Search the guide', 'xylophone');
    s = await waitForState(page, (x) => !find(x, 'Check your shoes', 'button'), { what: 'nothing found' });
    const clear = find(s, 'Clear search', 'button');
    assert.ok(clear && clear.visible, 'Clear search when nothing is found');
    await screenshot(page, 'first-week-guide-nothing.png');
    await tapVisible(page, 'Clear search', 'button');
    await waitForState(page, (x) => find(x, 'Check your shoes', 'button') && find(x, 'Log pain', 'button'),
      { what: 'the whole guide back' });
    assert.deepEqual(opened.errors, []);
  });

  test('pain log: shin, calf, Achilles, hamstring and heel can be picked and saved', async () => {
    await go(page, 'Guide');
    await tapVisible(page, 'Pain log', 'button');
    const saved = async (area, side) => {
      await tapVisible(page, 'Save pain entry', 'button');
      return waitForState(page, (x) => x.pain.episodes.some((e) => e.area === area && e.side === side),
        { what: `${side} ${area} saved` });
    };
    // On the figure (seen from behind).
    await tapVisible(page, 'Left calf', 'button');
    await saved('calf', 'left');
    await tapVisible(page, 'Right Achilles', 'button');
    await saved('achilles', 'right');
    await tapVisible(page, 'Left hamstring', 'button');
    await saved('hamstring', 'left');
    await tapVisible(page, 'Right heel', 'button');
    await screenshot(page, 'first-week-pain-heel.png');
    await saved('heel', 'right');
    // The shin faces away: it is in the list.
    await tapVisible(page, 'Shin', 'button');
    await tapVisible(page, 'Both', 'button');
    const s = await saved('shin', 'both');
    assert.ok(['Shin', 'Calf', 'Achilles', 'Hamstring', 'Heel and arch'].every((l) => find(s, l, 'button')));
    await reveal(page, 'Shin', 'button');
    await screenshot(page, 'first-week-pain-list.png');
    assert.deepEqual(opened.errors, []);
  });
  test('Home stays short: the studies behind the load signals are one tap away in the Guide', async () => {
    await go(page, 'Home');
    const why = await reveal(page, 'Why these signals?', 'button');
    assert.ok(why, 'Home offers "Why these signals?" instead of the citations');
    await screenshot(page, 'first-week-home-why.png');
    await tapVisible(page, 'Why these signals?', 'button');
    const s = await waitForState(page, (x) => x.screen === 'guide' && x.ui.widgets.some((w) =>
      w.label === 'What the research adds' && w.visible && w.y >= 0 && w.y < 844), { what: 'the research section on screen' });
    assert.equal(s.screen, 'guide');
    await screenshot(page, 'first-week-guide-research.png');
  });
});

describe('backups on a phone', () => {
  test('Export backup goes to the share sheet; Settings says when; Home reminds 30 days after, once runs came since', async () => {
    const { page, context } = await openApp(env, PHONE, { initScript: pinToday });
    try {
      // Stand-in for the phone's share sheet (Linux Chromium has none): records what it was given.
      await context.addInitScript(() => {
        window.__shared = [];
        navigator.canShare = (data) => Boolean(data && data.files && data.files.length);
        navigator.share = (data) => {
          window.__shared.push(...data.files.map((f) => ({ name: f.name, type: f.type, size: f.size })));
          return Promise.resolve();
        };
      });
      await page.reload();
      await page.waitForFunction(() => window.stridewise && window.stridewise.state);
      await page.evaluate(() => window.stridewise.ready);
      for (const date of ['2026-02-01', '2026-02-20']) {
        assert.equal((await dispatch(page, { type: 'add_run', date, distance_m: 6000 })).ok, true);
      }
      let s = await waitForState(page, (x) => x.backup.reminder_days === 39, { what: 'the reminder due' });
      assert.equal(s.backup.last_date, undefined);
      await go(page, 'Home');
      await reveal(page, 'Time for a backup', 'info');
      await screenshot(page, 'first-week-home-backup-reminder.png');
      await tapVisible(page, 'Export backup', 'button');
      s = await waitForState(page, (x) => x.backup.last_date === '2026-03-12', { what: 'the backup recorded' });
      assert.equal(s.backup.reminder_days, null);
      const shared = await page.evaluate(() => window.__shared);
      assert.equal(shared.length, 1);
      assert.equal(shared[0].name, 'stridewise-backup-2026-03-12.json');
      assert.equal(shared[0].type, 'application/json');
      assert.ok(shared[0].size > 200);
      assert.equal(find(await state(page), 'Time for a backup', 'info'), undefined, 'the reminder is gone');
      await go(page, 'Settings');
      const last = await reveal(page, 'Last backup: Thu 12 Mar (today).', 'info');
      assert.equal(last.value, 'last_backup');
      await screenshot(page, 'first-week-settings-last-backup.png');
    } finally {
      await context.close();
    }
  });
});
