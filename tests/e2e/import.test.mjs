// Runs from watch and app files: the shared real files through the real file picker, a whole
// Strava-style export zip, a drop on the page, a Web Share Target POST, and the page API; the
// review (ticks, a shoe per row and for all), one save, one Undo. One browser for the file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  launch, openApp, PHONE, DESKTOP, state, dispatch, waitForState, tap, tapVisible, go, screenshot, settleQuiet, reveal,
} from './helpers.mjs';

const DATA = '/work/shared/data/import/';
const truth = JSON.parse(readFileSync(join(DATA, 'truth.json'), 'utf8')).files;
const RUN_FILES = ['activity-small-fenix2-run.fit', 'run.gpx', 'run_garmin.tcx', 'garmin-edge-500-activity.fit'];
const base64 = (name) => readFileSync(join(DATA, name)).toString('base64');

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

async function addShoes(page) {
  for (const shoe of [{ name: 'Pegasus 31', purchase_date: '2014-06-01' }, { name: 'Ghost 14', purchase_date: '2017-01-01' }]) {
    const r = await dispatch(page, { type: 'add_shoe', ...shoe });
    assert.ok(r.ok, r.error);
  }
  return (await state(page)).shoes;
}

const reviewed = (page) => waitForState(page, (s) => s.import.status === 'review' || s.import.status === 'error',
  { timeout: 30000, what: 'the review' });

test('picked files: review with runs ticked and the ride not, shoes by date, save, one Undo', async () => {
  const { context, page, errors } = await openApp(env, PHONE);
  try {
    const shoes = await addShoes(page);
    await go(page, 'Log');
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser', { timeout: 5000 }),
      tapVisible(page, 'Import runs from a watch or app', 'button'),
    ]);
    assert.ok(chooser.isMultiple(), 'the picker takes several files at once');
    await chooser.setFiles(RUN_FILES.map((name) => join(DATA, name)));
    const s = await reviewed(page);
    assert.equal(s.import.status, 'review', JSON.stringify(s.import.failed));
    assert.deepEqual(s.import.progress, { done: RUN_FILES.length, total: RUN_FILES.length });
    const found = s.import.found;
    assert.equal(found.length, 4);
    // Newest first; each against the independent reading in truth.json.
    const fenix = found.find((f) => f.file === 'activity-small-fenix2-run.fit');
    const session = truth['activity-small-fenix2-run.fit'].sessions[0];
    assert.equal(fenix.start_utc, session.start_time);
    assert.ok(Math.abs(fenix.distance_m - session.total_distance_m) <= 0.005 * session.total_distance_m);
    assert.equal(fenix.cadence_spm, session.derived_steps_per_min);
    assert.equal(fenix.device, 'Garmin fenix 2');
    const ride = found.find((f) => f.file === 'garmin-edge-500-activity.fit');
    assert.equal(ride.sport, 'ride');
    assert.equal(ride.selected, false, 'a ride is shown unticked');
    for (const f of found.filter((x) => x.sport === 'run')) assert.equal(f.selected, true, `${f.file} is ticked`);
    // The pair bought by then: Pegasus for 2015, Ghost for 2017 and 2018.
    assert.equal(fenix.shoe_id, shoes[0].id);
    assert.equal(found.find((f) => f.file === 'run_garmin.tcx').shoe_id, shoes[1].id);
    await screenshot(page, 'import-review-phone.png');

    // One row's pair changed through its picker, with a finger.
    const index = found.findIndex((f) => f.file === 'run.gpx');
    await tap(page, 'Shoe for Sat 27 May 2017', 'combo');
    await settleQuiet(page);  // the list opens (a finger takes longer than that to move on)
    await tap(page, 'Pegasus 31', 'option');
    await waitForState(page, (x) => x.import.found[index].shoe_id === shoes[0].id, { what: 'the row on Pegasus' });

    const before = (await state(page)).runs.length;
    await tap(page, 'Save 3 runs', 'button');
    const done = await waitForState(page, (x) => x.import.status === 'done', { what: 'the import saved' });
    assert.equal(done.import.imported, 3);
    assert.equal(done.runs.length, before + 3);
    const saved = done.runs.find((r) => r.source?.file === 'activity-small-fenix2-run.fit');
    assert.equal(saved.source.format, 'fit');
    assert.equal(saved.source.device, 'Garmin fenix 2');
    assert.equal(saved.moving_s, session.total_timer_time_s);
    assert.equal(saved.elapsed_s, session.total_elapsed_time_s);
    assert.equal(saved.cadence_spm, session.derived_steps_per_min);
    assert.equal(saved.date, '2015-08-15');
    assert.equal(saved.shoe_id, shoes[0].id);
    // The shoe's mileage took the runs in.
    const pegasus = done.shoes.find((x) => x.id === shoes[0].id);
    assert.ok(pegasus.distance_m >= session.total_distance_m, JSON.stringify(pegasus));
    await screenshot(page, 'import-done-phone.png');

    // Saved for good: a reload still has them (IndexedDB), then one Undo takes all three back.
    await page.reload();
    await page.waitForFunction(() => window.stridewise && window.stridewise.state, null, { timeout: 20000 });
    await page.evaluate(() => window.stridewise.ready);
    assert.equal((await state(page)).runs.length, before + 3);
    await go(page, 'Log');
    // The undo belongs to this tab's import: after a reload it is the page API's delete_run's job.
    assert.equal((await state(page)).import.can_undo, false);

    // The watch's cadence is in the cadence history and makes the personal target.
    await go(page, 'Cadence');
    const withCadence = done.runs.filter((r) => r.cadence_spm);
    // The list draws only the rows on screen: scroll its last row into view, then read them all.
    await reveal(page, `history ${withCadence.length - 1}`, 'info');
    const cadence = await state(page);
    const lines = cadence.ui.widgets.filter((w) => w.label.startsWith('history ')).map((w) => w.value);
    assert.equal(lines.length, withCadence.length, lines.join('\n'));
    const fenixLine = `15 Aug 2015   ${Math.round(session.derived_steps_per_min)} steps/min - `;
    assert.ok(lines.some((l) => l.startsWith(fenixLine) && l.endsWith('run from Garmin fenix 2')), lines.join('\n'));
    assert.ok(cadence.cadence.personal_target, 'the imported cadence gives a personal target');
    await screenshot(page, 'import-cadence-history-phone.png');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('Undo takes the whole import back in one change', async () => {
  const { context, page, errors } = await openApp(env, PHONE);
  try {
    await addShoes(page);
    const r = await dispatch(page, { type: 'import_files', files: RUN_FILES.map((name) => ({ name, base64: base64(name) })) });
    assert.ok(r.ok, r.error);
    await reviewed(page);
    await tap(page, 'Save 3 runs', 'button');
    await waitForState(page, (x) => x.import.status === 'done', { what: 'the import saved' });
    assert.equal((await state(page)).runs.length, 3);
    await tap(page, 'Undo import', 'button');
    const undone = await waitForState(page, (x) => x.runs.length === 0, { what: 'the import undone' });
    assert.equal(undone.import.can_undo, false);
    await page.reload();
    await page.waitForFunction(() => window.stridewise && window.stridewise.state, null, { timeout: 20000 });
    await page.evaluate(() => window.stridewise.ready);
    assert.equal((await state(page)).runs.length, 0, 'the undo was saved too');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a whole Strava export zip: the CSV and its activity files become one run each', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sw-export-'));
  const zip = join(dir, 'export_12345.zip');
  // Strava's layout: activities.csv naming activities/<id>.<ext>[.gz]; made with Python's zipfile.
  const csv = [
    'Activity ID,Activity Date,Activity Name,Activity Type,Elapsed Time,Distance,Filename',
    '101,"Aug 15, 2015, 2:45:08 PM",Fenix morning,Run,2832,9.01,activities/101.fit.gz',
    '102,"May 27, 2017, 5:10:00 AM",TomTom loop,Run,1423,4.81,activities/102.gpx',
    '103,"Sep 25, 2011, 1:00:21 PM",Long ride,Ride,12691,92.62,activities/103.fit',
    '104,"Mar 3, 2019, 8:00:00 AM",Treadmill,Run,1800,5.00,',
  ].join('\n');
  writeFileSync(join(dir, 'activities.csv'), csv);
  execFileSync('python3', ['-c', `
import gzip, zipfile, sys
d = sys.argv[1]
with zipfile.ZipFile(sys.argv[2], 'w', zipfile.ZIP_DEFLATED) as z:
    z.write(d + '/activities.csv', 'activities.csv')
    z.writestr('activities/101.fit.gz', gzip.compress(open(sys.argv[3] + 'activity-small-fenix2-run.fit', 'rb').read()))
    z.write(sys.argv[3] + 'run.gpx', 'activities/102.gpx')
    z.write(sys.argv[3] + 'garmin-edge-500-activity.fit', 'activities/103.fit')
`, dir, zip, DATA]);
  const { context, page, errors } = await openApp(env, DESKTOP);
  try {
    await go(page, 'Settings').catch(() => {});
    const r = await dispatch(page, { type: 'import_files', files: [{ name: 'export_12345.zip', base64: readFileSync(zip).toString('base64') }] });
    assert.ok(r.ok, r.error);
    const s = await reviewed(page);
    assert.equal(s.import.status, 'review', JSON.stringify(s.import));
    const found = s.import.found;
    assert.equal(found.length, 4, JSON.stringify(found.map((f) => f.file)));
    // The progress counted the zip's four files, not the one zip.
    assert.deepEqual(s.import.progress, { done: 4, total: 4 });
    const fenix = found.find((f) => f.name === 'Fenix morning');
    assert.ok(fenix, 'the CSV names the FIT run');
    assert.equal(fenix.format, 'fit', 'read from its FIT file, not only the CSV row');
    assert.equal(fenix.cadence_spm, 162);
    assert.equal(found.find((f) => f.name === 'Long ride').selected, false);
    assert.equal(found.find((f) => f.name === 'Treadmill').format, 'strava_csv', 'a row without a file is taken from the CSV');
    await screenshot(page, 'import-zip-desktop.png');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('files dropped on the page take the same path', async () => {
  const { context, page, errors } = await openApp(env, DESKTOP);
  try {
    await page.evaluate(([name, b64]) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const data = new DataTransfer();
      data.items.add(new File([bytes], name));
      const canvas = document.getElementById('canvas');
      canvas.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
      canvas.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, ['run_garmin.tcx', base64('run_garmin.tcx')]);
    const s = await reviewed(page);
    assert.equal(s.import.found.length, 1);
    assert.equal(s.import.found[0].device, 'Garmin Forerunner 620');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('import_files with confirm saves what the review would tick; broken and foreign files are named', async () => {
  const { context, page, errors } = await openApp(env, PHONE);
  try {
    const files = ['run.tcx', 'malformed.tcx', 'activity-unexpected-eof.fit', 'garmin-edge-500-activity.fit'].map((name) => ({ name, base64: base64(name) }));
    files.push({ name: 'notes.txt', base64: Buffer.from('not an activity').toString('base64') });
    const r = await dispatch(page, { type: 'import_files', files, confirm: true });
    assert.ok(r.ok, r.error);
    const s = await waitForState(page, (x) => x.import.status === 'done', { timeout: 30000, what: 'the import saved' });
    assert.equal(s.import.failed.length, 1);
    assert.equal(s.import.failed[0].name, 'notes.txt');
    assert.ok(s.import.failed[0].error.length > 10);
    const runs = s.runs.filter((x) => x.source);
    assert.equal(runs.length, s.import.imported);
    assert.ok(runs.every((x) => x.source.format === 'tcx' || x.source.format === 'fit'));
    assert.ok(!runs.some((x) => x.source.file === 'garmin-edge-500-activity.fit'), 'the ride is not saved');
    const malformed = s.import.found.find((f) => f.file === 'malformed.tcx');
    assert.ok(malformed.problems.length > 0, 'the broken file says what it could not read');
    // Refused: not files, not base64.
    for (const bad of [{ type: 'import_files' }, { type: 'import_files', files: [{ name: 'a.fit' }] },
      { type: 'import_files', files: [{ name: 'a.fit', base64: '@@@' }] }]) {
      const refused = await dispatch(page, bad);
      assert.equal(refused.ok, false);
      assert.match(refused.error, /import_files/);
    }
    // Undo through the API.
    const undone = await dispatch(page, { type: 'undo_import' });
    assert.ok(undone.ok, undone.error);
    assert.equal((await state(page)).runs.filter((x) => x.source).length, 0);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a file shared to the installed app (Web Share Target POST) lands in the review', async () => {
  const { context, page, errors } = await openApp(env, PHONE);
  try {
    // The service worker must control the page to receive the POST, as on an installed app.
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20000 });
    const manifest = await page.evaluate(() => fetch('manifest.webmanifest').then((r) => r.json()));
    assert.equal(manifest.share_target.method, 'POST');
    assert.equal(manifest.share_target.enctype, 'multipart/form-data');
    // What Android's share sheet does: a multipart POST of the files to share_target.action, answered
    // by the service worker with a redirect to the app. (Sent with fetch: the page's own CSP has
    // form-action 'none', which the system's share sheet is not subject to.)
    const answer = await page.evaluate(async ([name, b64, action]) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const form = new FormData();
      form.append('files', new File([bytes], name, { type: 'application/octet-stream' }));
      const response = await fetch(action, { method: 'POST', body: form, redirect: 'manual' });
      const kept = await caches.open('stridewise-shared').then((c) => c.keys());
      return { type: response.type, kept: kept.length };
    }, ['activity-small-fenix2-run.fit', base64('activity-small-fenix2-run.fit'), manifest.share_target.action]);
    assert.deepEqual(answer, { type: 'opaqueredirect', kept: 1 });
    await page.goto(env.url + '?share-target');
    await page.waitForFunction(() => window.stridewise && window.stridewise.state, null, { timeout: 20000 });
    await page.evaluate(() => window.stridewise.ready);
    const s = await reviewed(page);
    assert.equal(s.import.found.length, 1);
    assert.equal(s.import.found[0].file, 'activity-small-fenix2-run.fit');
    assert.equal(await page.evaluate(() => caches.open('stridewise-shared').then((c) => c.keys()).then((k) => k.length)), 0,
      'the shared file is not kept once taken in');
    await settleQuiet(page);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
