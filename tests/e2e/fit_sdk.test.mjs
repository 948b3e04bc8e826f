// Our FIT decoder (core/import/readers/fit_reader.cpp, through `stridewise import FILE`) against
// Garmin's official JavaScript FIT SDK (@garmin/fitsdk, pinned in package.json), field by field on
// every shared FIT file: each session's sport, start, distance, timer and elapsed time and steps
// cadence, and each lap's start, distance, timer and elapsed time. No browser: node and the CLI.
// Where the SDK cannot read a whole file (it stops at compressed-timestamp headers, at the
// Strava app's malformed record, at the cut-short file's end), what it did read must match and
// our reader must give at least that.
//   STRIDEWISE_CLI=build-helperA/stridewise node --test tests/e2e/fit_sdk.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Decoder, Stream } from '@garmin/fitsdk';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const DATA = resolve(ROOT, '../shared/data/import');
const CLI = resolve(ROOT, process.env.STRIDEWISE_CLI || 'build/stridewise');

// The CLI's JSON rounds distances and times to 0.01 and cadence to 0.1 (ActivityToJson).
const TIME_TOLERANCE = 0.005 + 1e-9;
const CADENCE_TOLERANCE = 0.05 + 1e-9;

function decodeWithSdk(bytes) {
  const decoder = new Decoder(Stream.fromByteArray(bytes));
  const integrity = decoder.checkIntegrity();
  const { messages, errors } = decoder.read();
  return { integrity, errors, sessions: messages.sessionMesgs ?? [], laps: messages.lapMesgs ?? [],
           fileId: (messages.fileIdMesgs ?? [])[0] };
}

function importWithCli(file) {
  const out = execFileSync(CLI, ['import', file], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
  return out.split('\n').filter((line) => line.trim()).map((line) => JSON.parse(line));
}

const iso = (date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');
const snakeCase = (name) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

// The SDK's sport and sub_sport, as our reader should normalise them.
function expectedSport(sport, subSport) {
  if (sport === 'running') {
    return { treadmill: 'treadmill_run', trail: 'trail_run', track: 'track_run' }[subSport] ?? 'run';
  }
  return { cycling: 'ride', swimming: 'swim', walking: 'walk', hiking: 'hike', multisport: 'multisport' }[sport] ??
    'other';
}

// FIT cadence is per foot on foot (strides/min): steps are twice it plus the fraction. A bike's
// or a swimmer's cadence is not steps, and 0 means nothing counted.
function expectedSteps(message, sport) {
  if (!['running', 'walking', 'hiking'].includes(sport) || !message.avgCadence) return undefined;
  return 2 * (message.avgCadence + (message.avgFractionalCadence ?? 0));
}

// The laps of each session: by FIT's own link (first_lap_index, num_laps) when every session has
// it, else all laps for a single session, else by start time (the last session begun by then).
function lapsBySession(sessions, laps) {
  if (sessions.length === 1) return [laps];
  if (sessions.every((s) => s.firstLapIndex != null && s.numLaps != null)) {
    return sessions.map((s) => laps.slice(s.firstLapIndex, s.firstLapIndex + s.numLaps));
  }
  const out = sessions.map(() => []);
  for (const lap of laps) {
    let best = 0;
    sessions.forEach((s, i) => { if (s.startTime <= lap.startTime) best = i; });
    out[best].push(lap);
  }
  return out;
}

function assertClose(actual, expected, tolerance, what) {
  if (expected == null) {
    assert.equal(actual, undefined, `${what}: the SDK has none, we have ${actual}`);
    return;
  }
  assert.ok(typeof actual === 'number' && Math.abs(actual - expected) <= tolerance,
    `${what}: ours ${actual}, SDK ${expected}`);
}

function compareLap(ours, sdk, where) {
  assert.equal(ours.start_utc, iso(sdk.startTime), `${where} start`);
  assertClose(ours.distance_m, sdk.totalDistance, TIME_TOLERANCE, `${where} distance`);
  assertClose(ours.moving_s, sdk.totalTimerTime, TIME_TOLERANCE, `${where} timer time`);
  assertClose(ours.elapsed_s, sdk.totalElapsedTime, TIME_TOLERANCE, `${where} elapsed time`);
}

function compareSession(ours, sdk, sdkLaps, where) {
  assert.equal(ours.format, 'fit');
  assert.equal(ours.sport, expectedSport(sdk.sport, sdk.subSport), `${where} sport`);
  assert.equal(ours.sport_in_file, typeof sdk.sport === 'string' ? snakeCase(sdk.sport) : String(sdk.sport),
    `${where} sport in file`);
  assert.equal(ours.start_utc, iso(sdk.startTime), `${where} start`);
  assertClose(ours.distance_m, sdk.totalDistance, TIME_TOLERANCE, `${where} distance`);
  assertClose(ours.moving_s, sdk.totalTimerTime, TIME_TOLERANCE, `${where} timer time`);
  assertClose(ours.elapsed_s, sdk.totalElapsedTime, TIME_TOLERANCE, `${where} elapsed time`);
  assertClose(ours.cadence_spm, expectedSteps(sdk, sdk.sport), CADENCE_TOLERANCE, `${where} cadence`);
  assert.equal(ours.laps.length, sdkLaps.length, `${where} number of laps`);
  sdkLaps.forEach((lap, i) => {
    compareLap(ours.laps[i], lap, `${where} lap ${i + 1}`);
    assertClose(ours.laps[i].cadence_spm, expectedSteps(lap, sdk.sport), CADENCE_TOLERANCE, `${where} lap ${i + 1} cadence`);
  });
}

const FILES = readdirSync(DATA).filter((name) => name.endsWith('.fit')).sort();

test('the CLI and the shared FIT files are there', () => {
  assert.ok(existsSync(CLI), `no CLI at ${CLI} (set STRIDEWISE_CLI)`);
  assert.equal(FILES.length, 10);
});

for (const name of FILES) {
  test(`${name}: our reader matches @garmin/fitsdk`, () => {
    const path = join(DATA, name);
    const sdk = decodeWithSdk(readFileSync(path));
    const ours = importWithCli(path);
    const complete = sdk.errors.length === 0;

    assert.ok(sdk.sessions.length > 0, 'the SDK read at least one session');
    if (complete) {
      assert.equal(ours.length, sdk.sessions.length, 'one activity per session');
    } else {
      assert.ok(ours.length >= sdk.sessions.length, 'at least the sessions the SDK read before it stopped');
    }
    const sdkLaps = lapsBySession(sdk.sessions, sdk.laps);
    sdk.sessions.forEach((session, i) => {
      const match = ours.find((a) => a.start_utc === iso(session.startTime) && a.sport_in_file === snakeCase(session.sport));
      assert.ok(match, `session ${i + 1} (${iso(session.startTime)}) is among ours`);
      compareSession(match, session, sdkLaps[i], `session ${i + 1}`);
    });

    // The maker as the SDK names it ("garmin", "stryd", "strava", "dynastream") starts our device.
    const maker = sdk.fileId?.manufacturer;
    if (typeof maker === 'string') {
      for (const a of ours) assert.ok(a.device.toLowerCase().startsWith(maker.toLowerCase()), `device ${a.device} vs ${maker}`);
    }

    // A file that fails the SDK's integrity check (cut short, bad CRC, wrong data size) must come
    // with a sentence saying so; a sound file the SDK read whole, with none.
    if (!sdk.integrity) {
      for (const a of ours) assert.ok(a.problems.length > 0, 'a damaged file says so');
    } else if (complete) {
      for (const a of ours) assert.deepEqual(a.problems, []);
    }
  });
}

test('where the SDK stops early, which files and why', () => {
  const stopped = {};
  for (const name of FILES) {
    const { errors } = decodeWithSdk(readFileSync(join(DATA, name)));
    if (errors.length) stopped[name] = errors[0].message;
  }
  assert.deepEqual(Object.keys(stopped).sort(), [
    'activity-filecrc.fit',
    'activity-unexpected-eof.fit',
    'compressed-speed-distance.fit',
    'strava-android-app-201.10-b1218918.fit',
  ]);
  assert.match(stopped['compressed-speed-distance.fit'], /compressed timestamp/);
  assert.match(stopped['activity-filecrc.fit'], /CRC/);
  assert.match(stopped['activity-unexpected-eof.fit'], /end of stream/);
});
