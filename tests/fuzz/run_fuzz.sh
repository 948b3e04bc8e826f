#!/bin/sh
# Builds the import fuzzer with clang (libFuzzer + ASan + UBSan) from the core sources and runs it.
#   tests/fuzz/run_fuzz.sh [runs]     default 1000000 inputs; output in build-fuzz/
# Seeds: the backup fixtures in tests/unit/fixtures plus a few actions; the dictionary holds the
# document's keys and enum names so mutations reach deep into the validators.
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
RUNS=${1:-1000000}
OUT=${FUZZ_OUT:-$ROOT/build-fuzz}
CXX=${CXX:-clang++-14}
mkdir -p "$OUT/corpus" "$OUT/artifacts"

FLAGS="-std=c++20 -O1 -g -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -I$ROOT/src"
mkdir -p "$OUT/obj"
# One object per source, two at a time, rebuilt only when the source (or any core header) is newer.
NEWEST_HEADER=$(ls -t "$ROOT"/src/core/*/*.hpp | head -1)
for src in "$ROOT"/src/core/*/*.cpp "$ROOT/tests/fuzz/import_fuzz.cpp"; do
  obj="$OUT/obj/$(basename "$src" .cpp).o"
  if [ ! -f "$obj" ] || [ "$src" -nt "$obj" ] || [ "$NEWEST_HEADER" -nt "$obj" ]; then echo "$src"; fi
done | xargs -r -P2 -I{} sh -c 'echo "  compiling $(basename {})"; '"$CXX $FLAGS"' -c {} -o "'"$OUT"'/obj/$(basename {} .cpp).o"'
# shellcheck disable=SC2086
$CXX -fsanitize=fuzzer,address,undefined -o "$OUT/import_fuzz" "$OUT"/obj/*.o

cp "$ROOT"/tests/unit/fixtures/*.json "$OUT/corpus/"
printf '%s' '{"type":"add_run","date":"2026-03-09","distance_m":5000,"shoe_id":1,"warmup":true}' > "$OUT/corpus/action_add_run.json"
printf '%s' '{"type":"add_shoe","name":"Caf\u00e9","warn_at_m":1000,"replace_at_m":2000,"is_default":true}' > "$OUT/corpus/action_add_shoe.json"
printf '%s' '{"type":"log_pain","date":"2026-03-09","area":"knee","side":"left","severity":4,"note":"x"}' > "$OUT/corpus/action_log_pain.json"
printf '%s' '{"type":"update_settings","cadence_low_spm":150,"cadence_high_spm":160,"week_start":"friday"}' > "$OUT/corpus/action_settings.json"

# Stored parts: the first byte picks the key the rest is stored under (see import_fuzz.cpp).
printf '\000%s' '{"schema":3,"app":"stridewise","settings":{"units":"km"},"default_shoe_id":null,"next_id":95}' > "$OUT/corpus/part_settings.json"
printf '\002%s' '{"schema":3,"app":"stridewise","runs":[{"id":2,"date":"2026-03-09","distance_m":5000,"warmup":false,"cooldown":false}]}' > "$OUT/corpus/part_runs.json"
printf '\005%s' '{"schema":3,"app":"stridewise","cadence_sessions":[{"id":90,"date":"2026-03-08","duration_s":2,"mean_spm":170}]}' > "$OUT/corpus/part_cadence.json"
printf '\006\000\000\052\103\000\000\054\103' > "$OUT/corpus/part_series.bin"

DICT="$OUT/keys.dict"
: > "$DICT"
for word in schema app stridewise settings shoes runs strength pain cadence_sessions default_shoe_id next_id \
    units week_start cadence_low_spm cadence_high_spm weekly_increase_limit_pct default_warn_at_m \
    default_replace_at_m strength_target_per_week id name start_distance_m warn_at_m replace_at_m \
    purchase_date retired wear uneven_wear discomfort stride_change date distance_m duration_s shoe_id \
    warmup cooldown exercises bridge plank single_leg_squat area side severity worse_with_activity \
    changes_gait note duration_s mean_spm time_in_band_s low_spm high_spm series_spm distance_km start_km \
    warn_at_km replace_at_km mi km monday sunday knee lower_back both none type add_run add_shoe \
    update_shoe retire_shoe update_run delete_run restore_run run log_pain log_strength import_backup json \
    confirm 2026-02-29 1e999 -0 9007199254740992 18446744073709551616; do
  printf '"%s"\n' "$word" >> "$DICT"
done

echo "running $RUNS inputs ..."
START=$(date +%s)
"$OUT/import_fuzz" -runs="$RUNS" -dict="$DICT" -max_len=8192 -rss_limit_mb=2048 \
  -artifact_prefix="$OUT/artifacts/" -print_final_stats=1 "$OUT/corpus"
echo "done: $RUNS inputs in $(( $(date +%s) - START )) s"
