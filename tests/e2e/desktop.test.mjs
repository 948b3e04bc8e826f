// Issue 14 item 6, the desktop: from 900 CSS px wide a side navigation and two columns - Home's
// shoes (with the habits) beside this week's load, the Log's form beside the history, which
// scrolls by itself - and no widget drawn outside its column or the window. A phone keeps its
// bottom bar and one column. Ten years of runs (a run a day up to 2026-03-11, three pairs in use),
// with a mouse on a 1280x800 window at DPR 1.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launch, openApp, PHONE, DESKTOP, state, dispatch, widget, center, screenshot, waitForState, settleFrames, pinToday,
} from './helpers.mjs';
import { yearsOfData } from './years_of_data.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const SCREENS = ['Home', 'Log', 'Shoes', 'Cadence', 'Guide', 'Settings'];
const SIDE_NAV_CSS = 200;
const visible = (s, kind) => s.ui.widgets.filter((w) => w.visible && (!kind || w.kind === kind));
const right = (w) => w.x + w.w;
const bottom = (w) => w.y + w.h;
// Shoe lines on Home are "info" widgets named "<shoe> - <distance> - <status>".
const shoeLines = (s) => visible(s, 'info').filter((w) => /^Shoe \d+ - /.test(w.label));
const weekLine = (s) => visible(s, 'info').find((w) => w.label.startsWith('This week '));

async function click(page, label, kind) {
  const { x, y } = center(await widget(page, label, kind));
  await page.mouse.click(x, y);
}

async function goTo(page, name) {
  await click(page, name, 'nav');
  await waitForState(page, (s) => s.screen === name.toLowerCase(), { what: `screen ${name}` });
  await settleFrames(page);
}

// Every widget on screen lies inside the window, right of the side navigation (which holds the
// nav rows and the save mark), and, where `columns` is given, inside one of the two columns.
function assertInside(s, screen, columns) {
  for (const w of visible(s)) {
    const where = `${screen}: "${w.label}" at x ${w.x.toFixed(0)}..${right(w).toFixed(0)}, y ${w.y.toFixed(0)}..${bottom(w).toFixed(0)}`;
    assert.ok(w.x >= -0.5 && right(w) <= DESKTOP.viewport.width + 0.5, `${where} sticks out of the window`);
    assert.ok(w.y >= -0.5 && bottom(w) <= DESKTOP.viewport.height + 0.5, `${where} sticks out of the window`);
    if (w.kind === 'nav' || w.value === 'save_status') {
      assert.ok(right(w) <= SIDE_NAV_CSS, `${where} is outside the side navigation`);
      continue;
    }
    assert.ok(w.x >= SIDE_NAV_CSS, `${where} is under the side navigation`);
    if (columns && !w.spans) {
      const inLeft = w.x >= columns.left[0] - 0.5 && right(w) <= columns.left[1] + 0.5;
      const inRight = w.x >= columns.right[0] - 0.5 && right(w) <= columns.right[1] + 0.5;
      assert.ok(inLeft || inRight, `${where} is in neither column (${JSON.stringify(columns)})`);
    }
  }
}

describe('desktop (1280x800, mouse): side navigation and two columns', () => {
  let opened;
  let page;
  let doc;
  before(async () => {
    opened = await openApp(env, DESKTOP, { initScript: pinToday });
    page = opened.page;
    doc = yearsOfData({ from: Date.UTC(2016, 2, 13), sessions: 0 });  // a run a day up to 2026-03-11
    const r = await dispatch(page, { type: 'import_backup', json: JSON.stringify(doc), confirm: true });
    assert.ok(r.ok, r.error);
    await waitForState(page, (s) => s.runs.length === 3650, { what: 'ten years loaded' });
    await settleFrames(page);
  });
  after(async () => { await opened?.context.close(); });

  test('the navigation is a column down the left, the current screen marked; no bottom bar', async () => {
    const s = await state(page);
    const nav = visible(s, 'nav');
    assert.deepEqual(nav.map((w) => w.label), SCREENS);
    for (let i = 0; i < nav.length; i++) {
      assert.ok(Math.abs(nav[i].x - nav[0].x) < 0.5 && Math.abs(nav[i].w - nav[0].w) < 0.5, 'one column');
      assert.ok(right(nav[i]) <= SIDE_NAV_CSS, `"${nav[i].label}" within the side bar`);
      assert.ok(nav[i].h >= 44, 'a 44 CSS px target');
      if (i > 0) assert.ok(nav[i].y >= bottom(nav[i - 1]), `"${nav[i].label}" below "${nav[i - 1].label}"`);
    }
    assert.equal(nav.find((w) => w.value === 'current').label, 'Home');
    assert.ok(bottom(nav[5]) < DESKTOP.viewport.height - 60, 'nothing along the bottom edge');
    const mark = visible(s, 'info').find((w) => w.value === 'save_status');
    assert.ok(mark && right(mark) <= SIDE_NAV_CSS && bottom(mark) <= nav[0].y, 'the save mark under the name, above the rows');
  });

  test('Home: the shoes beside this week, each column kept to its width', async () => {
    const s = await state(page);
    const shoes = shoeLines(s);
    const week = weekLine(s);
    assert.equal(shoes.length, 3, 'the three pairs in use');
    assert.ok(week, 'this week\'s line');
    const shoesRight = Math.max(...shoes.map(right));
    assert.ok(shoesRight + 16 <= week.x, `the shoes (to x ${shoesRight}) left of this week (from x ${week.x})`);
    // Side by side: the week starts level with the shoes, not below them.
    assert.ok(week.y < bottom(shoes[2]), `this week (y ${week.y}) beside the shoes (y ${shoes[0].y}..${bottom(shoes[2])})`);
    assert.ok(shoes[0].x >= SIDE_NAV_CSS + 16, 'the content clear of the side navigation');
    // The columns: the left one from the shoes' left edge to their right edge, the right one from
    // this week's left edge to the window's content edge; the widgets above the columns (a
    // see-a-doctor card, if any) span both.
    const columns = { left: [shoes[0].x, shoesRight], right: [week.x, DESKTOP.viewport.width - 16] };
    for (const w of s.ui.widgets) if (w.y < shoes[0].y - 40) w.spans = true;
    assertInside(s, 'Home', columns);
    // The habits and the cadence link are in the left column, the chart's figures on the right.
    const left = visible(s).filter((w) => !w.spans && w.kind !== 'nav' && right(w) <= shoesRight + 0.5);
    const rightSide = visible(s).filter((w) => !w.spans && w.kind !== 'nav' && w.x >= week.x - 0.5);
    assert.ok(left.some((w) => w.label === 'Open the cadence meter'), 'cadence on the left');
    assert.ok(rightSide.some((w) => w.label === 'Log a run'), '"Log a run" under this week');
    await screenshot(page, 'desktop-home.png');
  });

  test('Log: the form left of the history; a year jump and "Edit" load an old run, both columns in view', async () => {
    await goTo(page, 'Log');
    let s = await state(page);
    const distance = visible(s, 'text').find((w) => w.label === 'Distance');
    const rows = visible(s, 'button').filter((w) => w.label.startsWith('Edit run '));
    assert.ok(distance && rows.length > 5, 'the form and the history on one screen');
    const historyLeft = Math.min(...rows.map((w) => w.x)) - 200;  // the rows' text starts left of their buttons
    const form = visible(s).filter((w) => ['Distance', 'Time', 'Save run', 'Warm-up', 'Cool-down',
      'Import runs from a watch or app'].includes(w.label));
    assert.equal(form.length, 6, form.map((w) => w.label).join(', '));
    for (const w of form) assert.ok(right(w) + 16 <= historyLeft, `"${w.label}" (to x ${right(w)}) left of the history (from ${historyLeft})`);
    const year = visible(s, 'button').find((w) => w.label === '2026');
    assert.ok(year.y < bottom(distance) && year.x > right(distance), 'the history starts level with the form, on its right');
    assertInside(s, 'Log');

    // The history scrolls by itself: a year's button brings December 2023 up; the form stays put.
    await click(page, '2023', 'button');
    s = await waitForState(page, (x) => x.ui.widgets.some((w) => w.label === 'December 2023' && w.visible),
      { what: 'the jump to 2023' });
    await settleFrames(page);
    s = await state(page);
    const moved = visible(s, 'text').find((w) => w.label === 'Distance');
    assert.deepEqual([moved.x, moved.y], [distance.x, distance.y], 'the form did not move');
    // The year opens at the top of the list: its months to jump to, then December 2023.
    const december = visible(s, 'info').find((w) => w.label === 'December 2023');
    const listTop = Math.max(...visible(s, 'button').filter((w) => /^\d{4}$/.test(w.label)).map(bottom));
    const january = visible(s, 'button').find((w) => w.label === 'Jan 2023');
    const july = visible(s, 'button').find((w) => w.label === 'Jul 2023');
    assert.ok(january.y >= listTop && january.y < listTop + 80,
      `the months of 2023 (y ${january.y}) at the top of the list, under the year buttons (to y ${listTop})`);
    assert.ok(december.y >= bottom(july) && december.y < bottom(july) + 80,
      `December 2023 (y ${december.y}) under the months (to y ${bottom(july)})`);

    const row = await widget(page, 'Edit run 2023-12-30', 'button');
    assert.match(row.value, /^30 Dec 2023 {3}/, 'the row says its date');
    const run = doc.runs.find((x) => x.date === '2023-12-30');
    await page.mouse.click(center(row).x, center(row).y);
    const km = String(Math.round(run.distance_m / 10) / 100);
    s = await waitForState(page, (x) => x.ui.widgets.some((w) => w.label === 'Distance' && w.value === km),
      { what: `the run (${km} km) in the form` });
    await settleFrames(page);
    s = await state(page);
    // Both stay in view: the form (now "Save changes") and the row just picked, where it was.
    assert.ok(visible(s, 'button').some((w) => w.label === 'Save changes'), 'the form is editing');
    assert.ok(visible(s, 'text').some((w) => w.label === 'Distance' && w.y === distance.y), 'the form in view');
    const still = visible(s, 'button').find((w) => w.label === 'Edit run 2023-12-30');
    assert.ok(still && Math.abs(still.y - row.y) < 0.5, 'the history did not jump');
    assertInside(s, 'Log');
    await screenshot(page, 'desktop-log.png');
    await click(page, 'Cancel edit', 'button');
    await waitForState(page, (x) => x.ui.widgets.some((w) => w.label === 'Save run' && w.visible), { what: 'the edit cancelled' });
  });

  test('Log: the undo bar floats at the bottom of the history column', async () => {
    const s0 = await state(page);
    const row = visible(s0, 'button').find((w) => w.label === 'Edit run 2023-12-29');
    const del = visible(s0, 'button').find((w) => w.label === 'Delete' && Math.abs(w.y - row.y) < 1);
    await page.mouse.click(center(del).x, center(del).y);
    let s = await waitForState(page, (x) => x.runs.length === 3649 && x.ui.widgets.some((w) => w.label === 'Undo' && w.visible),
      { what: 'the run deleted, Undo shown' });
    const undo = visible(s, 'button').find((w) => w.label === 'Undo');
    const distance = visible(s, 'text').find((w) => w.label === 'Distance');
    assert.ok(undo.x > right(distance) && right(undo) <= DESKTOP.viewport.width, 'over the history column');
    assert.ok(bottom(undo) <= DESKTOP.viewport.height - 12 && bottom(undo) > DESKTOP.viewport.height - 80, 'at its bottom');
    await settleFrames(page);
    await screenshot(page, 'desktop-log-undo.png');
    await page.mouse.click(center(undo).x, center(undo).y);
    s = await waitForState(page, (x) => x.runs.length === 3650, { what: 'the run back' });
    assert.ok(s.runs.some((r) => r.date === '2023-12-29'));
  });

  test('a pair\'s page: the bar of ticked runs floats over the content column, at the window\'s foot', async () => {
    await goTo(page, 'Shoes');
    await click(page, 'Shoe 30', 'button');
    const story = (await waitForState(page, (x) => x.ui.widgets.some((w) => w.label.startsWith('Runs and history')),
      { what: 'the pair open' })).ui.widgets.find((w) => w.label.startsWith('Runs and history'));
    await click(page, story.label, 'button');
    const tick = (await waitForState(page, (x) => x.ui.widgets.some((w) => w.label.startsWith('Tick all ') && w.visible),
      { what: 'the pair\'s page' })).ui.widgets.find((w) => w.label.startsWith('Tick all ') && w.visible);
    await click(page, tick.label, 'button');
    const s = await waitForState(page, (x) => x.ui.widgets.some((w) => w.label === 'Move to...' && w.visible),
      { what: 'runs ticked' });
    const move = visible(s, 'button').find((w) => w.label === 'Move to...');
    const ticked = visible(s, 'info').find((w) => w.label === 'Runs ticked');
    const content = visible(s).filter((w) => w.kind !== 'nav' && w.value !== 'save_status' && w !== move && w !== ticked);
    const [left, rightEdge] = [Math.min(...content.map((w) => w.x)), Math.max(...content.map(right))];
    assert.ok(ticked.x >= left && right(move) <= rightEdge + 0.5, `the bar ${ticked.x}..${right(move)} within the column ${left}..${rightEdge}`);
    assert.ok(bottom(move) > DESKTOP.viewport.height - 50, `at the window's foot (to y ${bottom(move)})`);
    assertInside(s, 'Shoes');
    await settleFrames(page);
    await screenshot(page, 'desktop-shoe-story.png');
    await click(page, tick.label.replace('Tick all', 'Clear'), 'button');
    await waitForState(page, (x) => !x.ui.widgets.some((w) => w.label === 'Move to...'), { what: 'the ticks cleared' });
  });

  test('every screen keeps its widgets inside the window, right of the side navigation', async () => {
    for (const name of SCREENS) {
      await goTo(page, name);
      const s = await state(page);
      assert.equal(visible(s, 'nav').find((w) => w.value === 'current').label, name);
      assertInside(s, name);
      if (name !== 'Home' && name !== 'Log') {  // one column of a readable width
        const content = visible(s).filter((w) => w.kind !== 'nav' && w.value !== 'save_status');
        const width = Math.max(...content.map(right)) - Math.min(...content.map((w) => w.x));
        assert.ok(width <= 660, `${name}: one column ${width} px wide`);
      }
    }
    await goTo(page, 'Home');
    assert.deepEqual(opened.errors, []);
  });

  test('a confirmation card is a readable width, centred', async () => {
    // 150 km is far past this runner's history: the form asks "Did you mean 15.0 km?".
    await goTo(page, 'Log');
    const field = await widget(page, 'Distance', 'text');
    await page.mouse.click(center(field).x, center(field).y);
    await waitForState(page, (s) => s.ui.text_input_active, { what: 'the field active' });
    await page.keyboard.type('150');
    await click(page, 'Save run', 'button');
    const s = await waitForState(page, (x) => x.ui.widgets.some((w) => w.value === 'unusual_run' && w.visible),
      { what: 'the "Did you mean" card' });
    const card = visible(s, 'info').find((w) => w.value === 'unusual_run');
    const [from, to] = [(DESKTOP.viewport.width - 560) / 2, (DESKTOP.viewport.width + 560) / 2];
    assert.ok(card.x >= from && right(card) <= to, `the card's text ${card.x}..${right(card)} within ${from}..${to}`);
    for (const label of ['Change it', 'Save 150.0 km']) {
      const b = visible(s, 'button').find((w) => w.label === label);
      assert.ok(b && b.x >= from && right(b) <= to, `"${label}" on the card`);
    }
    await settleFrames(page);
    await screenshot(page, 'desktop-confirm.png');
    await click(page, 'Change it', 'button');
    await waitForState(page, (x) => !x.ui.widgets.some((w) => w.value === 'unusual_run'), { what: 'the card gone' });
    assert.equal((await state(page)).runs.length, 3650, 'nothing saved');
  });

  test('a window too short for the side navigation keeps the bottom bar', async () => {
    // 480 CSS px tall at least: a phone on its side is wide enough but not tall enough.
    await page.setViewportSize({ width: 1280, height: 450 });
    await waitForState(page, (x) => x.ui.canvas.height === 450, { what: 'the resize' });
    await settleFrames(page);
    let nav = visible(await state(page), 'nav');
    assert.ok(nav.every((w) => Math.abs(bottom(w) - 450) < 1), 'a bar along the bottom');
    await page.setViewportSize(DESKTOP.viewport);
    await waitForState(page, (x) => x.ui.canvas.height === DESKTOP.viewport.height, { what: 'the resize back' });
    await settleFrames(page);
    nav = visible(await state(page), 'nav');
    assert.ok(nav.every((w) => right(w) <= SIDE_NAV_CSS), 'the side navigation again');
    assert.deepEqual(opened.errors, []);
  });
});

describe('a phone keeps its layout', () => {
  test('the navigation is a row along the bottom; Home is one column', async () => {
    const opened = await openApp(env, PHONE, { initScript: pinToday });
    const { page, context } = opened;
    try {
      const doc = yearsOfData({ from: Date.UTC(2016, 2, 13), sessions: 0 });
      assert.ok((await dispatch(page, { type: 'import_backup', json: JSON.stringify(doc), confirm: true })).ok);
      await waitForState(page, (s) => s.runs.length === 3650, { what: 'ten years loaded' });
      await settleFrames(page);
      const s = await state(page);
      const nav = visible(s, 'nav');
      assert.deepEqual(nav.map((w) => w.label), SCREENS);
      for (let i = 0; i < nav.length; i++) {
        assert.ok(Math.abs(nav[i].y - nav[0].y) < 0.5 && Math.abs(bottom(nav[i]) - PHONE.viewport.height) < 1, 'a row at the bottom');
        if (i > 0) assert.ok(nav[i].x >= right(nav[i - 1]) - 0.5, `"${nav[i].label}" right of "${nav[i - 1].label}"`);
      }
      const shoes = shoeLines(s);
      const week = weekLine(s);
      assert.ok(week.y >= bottom(shoes[shoes.length - 1]), 'this week below the shoes');
      assert.ok(Math.abs(week.x - shoes[0].x) < 0.5, 'one column');
      await screenshot(page, 'phone-home.png');
      assert.deepEqual(opened.errors, []);
    } finally {
      await context.close();
    }
  });
});
