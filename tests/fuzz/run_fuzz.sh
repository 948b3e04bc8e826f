#!/bin/sh
# Builds a libFuzzer target with clang (libFuzzer + ASan + UBSan) and runs it.
#   tests/fuzz/run_fuzz.sh [TARGET] [runs]     default: import, 1000000 inputs; output in build-fuzz/
#   tests/fuzz/run_fuzz.sh [runs]               the same for the import target (the original form)
# Targets:
#   import  backups, actions and stored parts (import_fuzz.cpp over src/core/*/*.cpp)
#   fit     the FIT reader (fit_fuzz.cpp)
#   xml     the GPX and TCX readers (xml_fuzz.cpp)
#   csv     the Strava and Garmin Connect CSV readers (csv_fuzz.cpp)
#   zip     ReadAnyFile on zip and gzip input: unpacking, the export join, every reader behind it
# The reader targets also compile src/core/import/readers/*.cpp and pugixml and zlib (with minizip's
# unzip) from the Debian sources build_wasm.sh fetches into .deps/; those two get ASan and coverage
# but not UBSan (their deliberate integer tricks are not our findings).
# Seeds: import uses the backup fixtures plus a few actions; the reader targets use the shared
# activity files (../shared/data/import), cut to size and packed as each target needs. Each
# target's dictionary holds the format's keywords so mutations reach past the parsers.
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
TARGET=import
case "${1:-}" in
  import|fit|xml|csv|zip) TARGET=$1; shift ;;
  ''|*[!0-9]*) [ -z "${1:-}" ] || { echo "usage: $0 [import|fit|xml|csv|zip] [runs]" >&2; exit 2; } ;;
esac
RUNS=${1:-1000000}
OUT=${FUZZ_OUT:-$ROOT/build-fuzz}
CXX=${CXX:-clang++-14}
CC=${CC:-clang-14}
DATA=$ROOT/../shared/data/import
PUGIXML_DIR=${PUGIXML_DIR:-$ROOT/.deps/pugixml-1.13}
ZLIB_DIR=${ZLIB_DIR:-$ROOT/.deps/zlib-1.2.13.dfsg}

# The import target keeps its original folders (corpus/, artifacts/, keys.dict).
if [ "$TARGET" = import ]; then SUFFIX=; else SUFFIX=-$TARGET; fi
CORPUS=$OUT/corpus$SUFFIX
ARTIFACTS=$OUT/artifacts$SUFFIX
mkdir -p "$CORPUS" "$ARTIFACTS" "$OUT/obj/core" "$OUT/obj/readers" "$OUT/obj/third" "$OUT/obj/targets"

DEFINES="-DPUGIXML_NO_XPATH -DPUGIXML_NO_EXCEPTIONS -DNOUNCRYPT -DIOAPI_NO_64"
INCLUDES="-I$ROOT/src -I$PUGIXML_DIR/src -I$ZLIB_DIR -I$ZLIB_DIR/contrib/minizip"
FLAGS="-std=c++20 -O1 -g -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined $DEFINES $INCLUDES"
THIRD_FLAGS="-O1 -g -w -fsanitize=fuzzer-no-link,address $DEFINES $INCLUDES"

# Compiles each listed source into $1 (one object per source, two at a time), only when the source
# or (for our code) any core header is newer than its object.
NEWEST_HEADER=$(find "$ROOT/src/core" -name '*.hpp' -print0 | xargs -0 ls -t | head -1)
compile() {
  dir=$1 compiler=$2 flags=$3
  shift 3
  for src in "$@"; do
    obj="$dir/$(basename "$src" | sed 's/\.[^.]*$//').o"
    if [ ! -f "$obj" ] || [ "$src" -nt "$obj" ] || { [ "$dir" != "$OUT/obj/third" ] && [ "$NEWEST_HEADER" -nt "$obj" ]; }; then
      echo "$src"
    fi
  done | xargs -r -P2 -I{} sh -c 'echo "  compiling $(basename {})"; '"$compiler $flags"' -c {} -o "'"$dir"'/$(basename {} | sed "s/\.[^.]*\$//").o"'
}

TARGET_SRC=$ROOT/tests/fuzz/${TARGET}_fuzz.cpp
[ -f "$TARGET_SRC" ] || { echo "run_fuzz.sh: $TARGET_SRC not found" >&2; exit 1; }
# shellcheck disable=SC2086
compile "$OUT/obj/core" "$CXX" "$FLAGS" "$ROOT"/src/core/*/*.cpp
compile "$OUT/obj/targets" "$CXX" "$FLAGS" "$TARGET_SRC"
OBJECTS="$OUT/obj/targets/${TARGET}_fuzz.o $OUT/obj/core/*.o"
if [ "$TARGET" != import ]; then
  if [ ! -f "$PUGIXML_DIR/src/pugixml.cpp" ] || [ ! -f "$ZLIB_DIR/contrib/minizip/unzip.c" ]; then
    echo "run_fuzz.sh: pugixml or zlib sources missing in .deps/: run ./build_wasm.sh setup" >&2
    exit 1
  fi
  compile "$OUT/obj/readers" "$CXX" "$FLAGS" "$ROOT"/src/core/import/readers/*.cpp
  compile "$OUT/obj/third" "$CXX" "-std=c++20 $THIRD_FLAGS" "$PUGIXML_DIR/src/pugixml.cpp"
  compile "$OUT/obj/third" "$CC" "$THIRD_FLAGS" "$ZLIB_DIR"/adler32.c "$ZLIB_DIR"/compress.c "$ZLIB_DIR"/crc32.c \
    "$ZLIB_DIR"/deflate.c "$ZLIB_DIR"/infback.c "$ZLIB_DIR"/inffast.c "$ZLIB_DIR"/inflate.c "$ZLIB_DIR"/inftrees.c \
    "$ZLIB_DIR"/trees.c "$ZLIB_DIR"/uncompr.c "$ZLIB_DIR"/zutil.c "$ZLIB_DIR"/contrib/minizip/unzip.c \
    "$ZLIB_DIR"/contrib/minizip/ioapi.c
  # Sources that left the readers folder must not linger as objects.
  for obj in "$OUT"/obj/readers/*.o; do
    [ -f "$ROOT/src/core/import/readers/$(basename "$obj" .o).cpp" ] || rm -f "$obj"
  done
  OBJECTS="$OBJECTS $OUT/obj/readers/*.o $OUT/obj/third/*.o"
fi
for obj in "$OUT"/obj/core/*.o; do  # likewise for core
  ls "$ROOT"/src/core/*/"$(basename "$obj" .o).cpp" >/dev/null 2>&1 || rm -f "$obj"
done
# shellcheck disable=SC2086
$CXX -fsanitize=fuzzer,address,undefined -o "$OUT/${TARGET}_fuzz" $OBJECTS

DICT="$OUT/$TARGET.dict"
MAX_LEN=8192
# One dictionary entry per argument, quotes escaped; "\xNN" stays an escape for libFuzzer.
words() { for word in "$@"; do printf '"%s"\n' "$(printf '%s' "$word" | sed 's/"/\\"/g')" >> "$DICT"; done; }
: > "$DICT"
case "$TARGET" in
import)
  DICT="$OUT/keys.dict"
  : > "$DICT"
  cp "$ROOT"/tests/unit/fixtures/*.json "$CORPUS/"
  printf '%s' '{"type":"add_run","date":"2026-03-09","distance_m":5000,"shoe_id":1,"warmup":true}' > "$CORPUS/action_add_run.json"
  printf '%s' '{"type":"add_shoe","name":"Caf\u00e9","warn_at_m":1000,"replace_at_m":2000,"is_default":true}' > "$CORPUS/action_add_shoe.json"
  printf '%s' '{"type":"log_pain","date":"2026-03-09","area":"knee","side":"left","severity":4,"note":"x"}' > "$CORPUS/action_log_pain.json"
  printf '%s' '{"type":"update_settings","cadence_low_spm":150,"cadence_high_spm":160,"week_start":"friday"}' > "$CORPUS/action_settings.json"
  # Stored parts: the first byte picks the key the rest is stored under (see import_fuzz.cpp).
  printf '\000%s' '{"schema":3,"app":"stridewise","settings":{"units":"km"},"default_shoe_id":null,"next_id":95}' > "$CORPUS/part_settings.json"
  printf '\002%s' '{"schema":3,"app":"stridewise","runs":[{"id":2,"date":"2026-03-09","distance_m":5000,"warmup":false,"cooldown":false}]}' > "$CORPUS/part_runs.json"
  printf '\005%s' '{"schema":3,"app":"stridewise","cadence_sessions":[{"id":90,"date":"2026-03-08","duration_s":2,"mean_spm":170}]}' > "$CORPUS/part_cadence.json"
  printf '\006\000\000\052\103\000\000\054\103' > "$CORPUS/part_series.bin"
  words schema app stridewise settings shoes runs strength pain cadence_sessions default_shoe_id next_id \
    units week_start cadence_low_spm cadence_high_spm weekly_increase_limit_pct default_warn_at_m \
    default_replace_at_m strength_target_per_week id name start_distance_m warn_at_m replace_at_m \
    purchase_date retired wear uneven_wear discomfort stride_change date distance_m duration_s shoe_id \
    warmup cooldown exercises bridge plank single_leg_squat area side severity worse_with_activity \
    changes_gait note duration_s mean_spm time_in_band_s low_spm high_spm series_spm distance_km start_km \
    warn_at_km replace_at_km mi km monday sunday knee lower_back both none type add_run add_shoe \
    update_shoe retire_shoe update_run delete_run restore_run run log_pain log_strength import_backup json \
    confirm 2026-02-29 1e999 -0 9007199254740992 18446744073709551616
  ;;
fit)
  MAX_LEN=65536
  cp "$DATA"/*.fit "$CORPUS/"
  words ".FIT"
  ;;
xml)
  MAX_LEN=16384
  # Whole small documents (each real file cut to its first few points, then closed again by
  # python's XML writer, which also renames the prefixes: more variety) and the real files' heads.
  python3 - "$DATA" "$CORPUS" <<'PY'
import os, sys, xml.etree.ElementTree as ET
data, corpus = sys.argv[1], sys.argv[2]
for name in sorted(os.listdir(data)):
    if not name.endswith(('.gpx', '.tcx')):
        continue
    raw = open(os.path.join(data, name), 'rb').read()
    open(os.path.join(corpus, 'head-' + name), 'wb').write(raw[:12000])
    try:
        root = ET.fromstring(raw)
    except ET.ParseError:
        continue
    for parent in root.iter():
        kids = [k for k in parent if k.tag.split('}')[-1] in ('trkpt', 'Trackpoint')]
        for k in kids[4:]:
            parent.remove(k)
    open(os.path.join(corpus, 'small-' + name), 'wb').write(ET.tostring(root, encoding='utf-8', xml_declaration=True))
PY
  words "<gpx" "</gpx>" "<trk>" "</trk>" "<trkseg>" "</trkseg>" "<trkpt" "</trkpt>" "lat=\"52.1\"" "lon=\"-0.4\"" \
    "<time>" "</time>" "<type>" "9" "running" "cycling" "<name>" "<extensions>" "<gpxtpx:cad>" "<ns3:cad>" "creator=" \
    "<TrainingCenterDatabase" "<Activities>" "<Activity" "Sport=\"Running\"" "Sport=\"Biking\"" "<Lap" \
    "StartTime=\"2018-11-25T07:20:49.000Z\"" "<TotalTimeSeconds>" "<DistanceMeters>" "<Track>" "<Trackpoint>" \
    "<Time>" "<Cadence>" "<RunCadence>" "<AvgRunCadence>" "<LX>" "<TPX>" "<Extensions>" "<Creator" "<Id>" \
    "2024-05-01T06:00:00Z" "2024-05-01T06:00:00.5+02:00" "xmlns:x=\"u\"" "xsi:type" "<![CDATA[" "]]>" "<!--" "-->" \
    "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>" "&amp;" "&#233;" "/>" "1e308" "-0"
  ;;
csv)
  MAX_LEN=8192
  for f in "$DATA"/*.csv; do head -c 8000 "$f" > "$CORPUS/head-$(basename "$f")"; done
  cp "$ROOT/tests/unit/fixtures/import/garmin_activities.csv" "$CORPUS/"
  printf '%s\r\n%s\r\n' 'Aktivitetstype,Dato,Titel,Distance,Tid,Gennemsnit kadence løb,Steps,Avg Stride Length' \
    'Løb,2024-03-01 07:12:00,"Morgen, løb","8,02",00:45:10,164,7412,"1,08"' > "$CORPUS/garmin_danish.csv"
  words "Activity ID" "Activity Date" "Activity Name" "Activity Type" "Elapsed Time" "Moving Time" "Distance" \
    "Average Cadence" "Filename" "\"Aug 24, 2025, 5:35:12 PM\"" "12:00:00 AM" "Run" "Ride" "Virtual Run" \
    "Date" "Title" "Time" "Avg Run Cadence" "Steps" "Avg Stride Length" "--" "Running" "00:31:24" \
    "2024-03-01 07:12:00" "\"\"" "\x0d\x0a" "<span>" "</span>" "1e308" "4,808"
  ;;
zip)
  MAX_LEN=32768
  # Small Strava-style exports (activities.csv + activities/ files, plain and gzipped), a zip of
  # loose files, and gzip members of each small activity file.
  python3 - "$DATA" "$CORPUS" <<'PY'
import gzip, io, os, sys, zipfile
data, corpus = sys.argv[1], sys.argv[2]
def head(name, n):
    return open(os.path.join(data, name), 'rb').read()[:n]
gpx = (b'<?xml version="1.0"?><gpx creator="StravaGPX"><trk><name>R</name><type>9</type><trkseg>'
       b'<trkpt lat="1" lon="1"><time>2021-01-10T08:54:28Z</time></trkpt>'
       b'<trkpt lat="1.001" lon="1"><time>2021-01-10T08:55:28Z</time></trkpt></trkseg></trk></gpx>')
tcx = (b'<TrainingCenterDatabase><Activities><Activity Sport="Running"><Id>2018-11-25T07:20:49Z</Id>'
       b'<Lap StartTime="2018-11-25T07:20:49Z"><TotalTimeSeconds>390</TotalTimeSeconds>'
       b'<DistanceMeters>1000</DistanceMeters></Lap></Activity></Activities></TrainingCenterDatabase>')
fit = open(os.path.join(data, 'activity-filecrc.fit'), 'rb').read()
csv = (b'Activity ID,Activity Date,Activity Name,Activity Type,Elapsed Time,Distance,Filename,Moving Time,Distance\n'
       b'1,"Jan 10, 2021, 8:54:28 AM",A,Run,60,0.1,activities/1.gpx,60,111\n'
       b'2,"Apr 9, 2012, 9:22:26 PM",B,Run,14,0.01,activities/2.fit.gz,14,5.7\n'
       b'3,"Nov 25, 2018, 7:20:49 AM",C,Run,390,1.0,activities/3.tcx,390,1000\n'
       b'4,"Nov 26, 2018, 7:20:49 AM",D,Ride,390,1.0,,390,1000\n')
def write(name, entries, method=zipfile.ZIP_DEFLATED):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, 'w', method) as z:
        for n, b in entries:
            z.writestr(n, b)
    open(os.path.join(corpus, name), 'wb').write(buf.getvalue())
export = [('activities.csv', csv), ('activities/1.gpx', gpx), ('activities/2.fit.gz', gzip.compress(fit)),
          ('activities/3.tcx', tcx), ('activities/9.gpx.gz', gzip.compress(gpx)), ('profile.csv', b'a,b\n1,2\n')]
write('export.zip', export)
write('export-stored.zip', export, zipfile.ZIP_STORED)
write('export-folder.zip', [('export_1/' + n, b) for n, b in export])
write('loose.zip', [('run.gpx', gpx), ('run.tcx.gz', gzip.compress(tcx)), ('run.fit', fit)])
write('empty.zip', [])
for n, b in [('gpx', gpx), ('tcx', tcx), ('fit', fit), ('csv', csv)]:
    open(os.path.join(corpus, 'single.' + n + '.gz'), 'wb').write(gzip.compress(b))
PY
  words "PK\x03\x04" "PK\x01\x02" "PK\x05\x06" "\x1f\x8b\x08" "activities/" "activities.csv" ".fit.gz" ".gpx" \
    ".tcx.gz" "__MACOSX/" "\xff\xff\xff\xff" "\x00\x00\x00\x04"
  ;;
esac

echo "running $TARGET: $RUNS inputs ..."
START=$(date +%s)
# A reader that spends 30 s on one input of a few KB is a finding too (the import target keeps
# libFuzzer's default).
TIMEOUT=
[ "$TARGET" = import ] || TIMEOUT=-timeout=30
# shellcheck disable=SC2086
"$OUT/${TARGET}_fuzz" -runs="$RUNS" -dict="$DICT" -max_len="$MAX_LEN" -rss_limit_mb=2048 $TIMEOUT \
  -artifact_prefix="$ARTIFACTS/" -print_final_stats=1 "$CORPUS"
echo "done: $TARGET, $RUNS inputs in $(( $(date +%s) - START )) s"
