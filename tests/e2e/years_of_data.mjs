// A runner's years of data as a backup document (schema 3): 30 shoes (the last three active),
// one run a day for ten years, a pain entry a week, and `sessions` cadence sessions of
// `seriesSeconds` per-second values each - a series is most of a big backup. The storage
// benchmark and the big-backup browser test start from it.
// `runs`, `shoeCount` and `painCount` default to the figures above; issue 17's profile is
// tenYearsProfile() below.
export function yearsOfData({ from = Date.UTC(2016, 10, 27), sessions = 200, seriesSeconds = 1800, runs: runCount = 3650,
                              shoeCount = 30, painCount = 500 } = {}) {
  const day = (i) => new Date(from + i * 86400000).toISOString().slice(0, 10);
  let id = 1;
  const shoes = [];
  for (let i = 0; i < shoeCount; i++) {
    shoes.push({ id: id++, name: `Shoe ${i + 1}`, start_distance_m: 0, warn_at_m: 482803.2, replace_at_m: 804672,
      retired: i < shoeCount - 3, wear: { uneven_wear: false, discomfort: false, stride_change: false } });
  }
  const runs = [];
  const perShoe = Math.ceil(runCount / shoeCount);
  for (let i = 0; i < runCount; i++) {
    runs.push({ id: id++, date: day(Math.floor((i * 3650) / runCount)), distance_m: 3000 + ((i * 7919) % 12000),
      duration_s: 1200 + (i % 3000), shoe_id: shoes[Math.floor(i / perShoe) % shoeCount].id, warmup: i % 3 === 0, cooldown: i % 4 === 0 });
  }
  const pain = [];
  for (let i = 0; i < painCount; i++) {
    pain.push({ id: id++, date: day(i * 7), area: ['foot', 'ankle', 'knee', 'hip', 'lower_back', 'other'][i % 6],
      side: ['left', 'right', 'both', 'none'][i % 4], severity: i % 8, worse_with_activity: i % 5 === 0,
      changes_gait: false, note: '' });
  }
  const cadence = [];
  for (let i = 0; i < sessions; i++) {
    const series = Array.from({ length: seriesSeconds }, (_, s) => 160 + ((s * 13 + i) % 200) / 10);
    cadence.push({ id: id++, date: day(Math.floor((i * 3650) / sessions)), duration_s: seriesSeconds, mean_spm: 170,
      time_in_band_s: seriesSeconds / 2, low_spm: 170, high_spm: 180, series_spm: series });
  }
  return { schema: 3, app: 'stridewise', settings: { units: 'km', week_start: 'monday', cadence_low_spm: 170,
    cadence_high_spm: 180, weekly_increase_limit_pct: 10, default_warn_at_m: 482803.2, default_replace_at_m: 804672,
    strength_target_per_week: 2 }, shoes, runs, strength: [], pain, cadence_sessions: cadence,
    default_shoe_id: shoes[shoeCount - 1].id, next_id: id };
}

// Issue 17's ten years: 4,000 runs, 25 pairs, 400 pain entries, 300 cadence sessions of 45 min,
// the last day being the day before `to` (default: yesterday), so this week has runs.
export function tenYearsProfile({ to = Date.now() } = {}) {
  const lastDay = Date.UTC(new Date(to).getUTCFullYear(), new Date(to).getUTCMonth(), new Date(to).getUTCDate()) - 86400000;
  return yearsOfData({ from: lastDay - 3649 * 86400000, runs: 4000, shoeCount: 25, painCount: 400, sessions: 300,
    seriesSeconds: 2700 });
}

// Restores `doc` (a backup document) into the page's app through the page API and waits until
// every run is in: how the benchmarks start from years of data.
export async function restoreYears(page, doc) {
  const r = await page.evaluate((json) => window.stridewise.dispatch({ type: 'import_backup', json, confirm: true }),
    JSON.stringify(doc));
  if (!r.ok) throw new Error(r.error);
  await page.waitForFunction((n) => window.stridewise.state().runs.length === n, doc.runs.length,
    { timeout: 60000, polling: 100 });
}
