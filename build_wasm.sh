#!/usr/bin/env bash
# Stridewise set-up, build, serve and test.
#
#   ./build_wasm.sh          install what is missing, build dist/, serve it on 127.0.0.1:${PORT:-8080}
#   ./build_wasm.sh build    install what is missing and build (native + wasm), no server
#   ./build_wasm.sh test     install, build, run every test (ctest + browser), print "N passed, N failed"
#   ./build_wasm.sh bench    install, build, run the benchmarks in tests/bench (figures, no pass/fail)
#
# Everything comes from Debian packages and the npm registry (pinned by package-lock.json).
# Dear ImGui, pugixml and zlib come from Debian's *source* packages, downloaded once into .deps/
# (ignored).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"
DEPS="$ROOT/.deps"
IMGUI_VERSION="1.90.1"
IMGUI_DEB_VERSION="1.90.1+ds-1"
IMGUI_DIR="$DEPS/imgui-$IMGUI_VERSION"
# The import readers' libraries (XML; gzip and zip), from bookworm's source index: pinned to the
# versions Debian 12 ships. zlib's orig tarball keeps contrib/minizip (unzip.c, ioapi.c).
PUGIXML_DEB_VERSION="1.13-0.2"
PUGIXML_DIR="$DEPS/pugixml-1.13"
ZLIB_DEB_VERSION="1:1.2.13.dfsg-1"
ZLIB_DIR="$DEPS/zlib-1.2.13.dfsg"
APT_PACKAGES=(emscripten nlohmann-json3-dev catch2 chromium fonts-roboto-unhinted fonttools
              cmake make g++ clang libclang-rt-14-dev xz-utils bzip2 ca-certificates)
JOBS="$(nproc 2>/dev/null || echo 2)"

die() { echo "build_wasm.sh: error: $*" >&2; exit 1; }
step() { echo "==> $*"; }

# ---------------------------------------------------------------------------------------------
# Set-up: Debian packages, Dear ImGui sources, npm packages. Each step is skipped when done.
# ---------------------------------------------------------------------------------------------
install_debian_packages() {
  local missing=()
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  command -v apt-get >/dev/null || die "apt-get not found; install these Debian packages by hand: ${missing[*]}"
  [ "$(id -u)" -eq 0 ] || die "need root to install Debian packages: ${missing[*]}"
  step "installing Debian packages: ${missing[*]}"
  apt-get update -q >/dev/null || die "apt-get update failed (are the Debian package mirrors reachable?)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null \
    || die "apt-get install failed for: ${missing[*]}"
}

# One Debian *source* package into .deps/, once: a private deb-src index for SUITES, derived from
# the machine's own list (its first stanza, the main archive; no host name written here), then
# `apt-get source --download-only` of the pinned version and its orig tarball unpacked. apt checks
# the tarball against the signed index. Success is judged by the unpacked CHECK file rather than
# apt's exit code: a suite can serve the orig tarball but 404 on the .debian.tar.xz
# (TOOLCHAIN.md), and only the orig tarball is used.
#   fetch_debian_source SUITES PACKAGE DEB_VERSION ORIG_TARBALL CHECK_FILE
fetch_debian_source() {
  local suites="$1" package="$2" version="$3" orig="$4" check="$5"
  [ -f "$check" ] && return 0
  step "downloading $package $version sources (Debian source package, $suites)"
  local apt_dir="$DEPS/apt/${suites%% *}"   # one index per suite, so trixie and bookworm never mix
  mkdir -p "$apt_dir/lists/partial" "$apt_dir/parts"
  local src_list=/etc/apt/sources.list.d/debian.sources
  [ -f "$src_list" ] || die "$src_list not found: cannot derive the Debian source index for $package"
  sed -e 's/^Types: deb$/Types: deb-src/' -e "s/^Suites: .*/Suites: $suites/" "$src_list" \
    | awk 'BEGIN{RS="";ORS="\n\n"} NR==1' > "$apt_dir/parts/src.sources"
  local opts=(-o Dir::Etc::SourceList=/dev/null -o "Dir::Etc::SourceParts=$apt_dir/parts"
              -o "Dir::State::Lists=$apt_dir/lists")
  apt-get "${opts[@]}" update -q >/dev/null || die "apt-get update of the $suites source index failed"
  (cd "$DEPS/apt" && apt-get "${opts[@]}" source --download-only "$package=$version" >/dev/null 2>&1) || true
  [ -f "$DEPS/apt/$orig" ] || die "downloading the Debian source package $package=$version failed ($orig missing)"
  tar -xf "$DEPS/apt/$orig" -C "$DEPS" || die "unpacking $orig failed"
  [ -f "$check" ] || die "$check missing after unpacking $orig"
}

fetch_imgui_sources() {
  fetch_debian_source trixie imgui "$IMGUI_DEB_VERSION" "imgui_${IMGUI_VERSION}+ds.orig.tar.xz" "$IMGUI_DIR/imgui.cpp"
}

fetch_import_sources() {
  fetch_debian_source "bookworm bookworm-updates" pugixml "$PUGIXML_DEB_VERSION" \
    "pugixml_1.13.orig.tar.gz" "$PUGIXML_DIR/src/pugixml.cpp"
  fetch_debian_source "bookworm bookworm-updates" zlib "$ZLIB_DEB_VERSION" \
    "zlib_1.2.13.dfsg.orig.tar.bz2" "$ZLIB_DIR/contrib/minizip/unzip.c"
}

install_npm_packages() {
  command -v node >/dev/null || die "node not found (Node.js 20 is expected on the machine)"
  command -v npm >/dev/null || die "npm not found"
  if [ ! -d node_modules/playwright-core ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    step "installing npm packages from package-lock.json"
    npm ci --no-audit --no-fund --loglevel=error >/dev/null || die "npm ci failed (is the npm registry reachable?)"
  fi
}

setup() {
  mkdir -p "$DEPS"
  install_debian_packages
  fetch_imgui_sources
  fetch_import_sources
  install_npm_packages
  command -v emcc >/dev/null || die "emcc not found after installing the emscripten package"
  [ -x /usr/bin/chromium ] || die "/usr/bin/chromium not found after installing the chromium package"
}

# ---------------------------------------------------------------------------------------------
# Build: native (core, CLI, unit tests) in build/, WebAssembly app in build-wasm/ -> dist/.
# ---------------------------------------------------------------------------------------------
build_native() {
  step "building native targets (core, CLI, unit tests) in build/"
  cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DPUGIXML_DIR="$PUGIXML_DIR" -DZLIB_DIR="$ZLIB_DIR" >/dev/null \
    || die "cmake configure (native) failed"
  cmake --build build -j "$JOBS" || die "native build failed"
}

build_wasm() {
  step "building the WebAssembly app in build-wasm/ -> dist/"
  # Debian's emscripten needs Debian's node-acorn for its JS optimiser.
  export NODE_PATH=/usr/share/nodejs
  if [ ! -f build-wasm/CMakeCache.txt ]; then
    emcmake cmake -S . -B build-wasm -DCMAKE_BUILD_TYPE=Release -DIMGUI_DIR="$IMGUI_DIR" \
      -DPUGIXML_DIR="$PUGIXML_DIR" -DZLIB_DIR="$ZLIB_DIR" >/dev/null || die "cmake configure (wasm) failed"
  else
    # An existing build-wasm/ (configured before the import libraries, or for older versions)
    # gets the current source folders; the toolchain settings stay as cached.
    cmake -DPUGIXML_DIR="$PUGIXML_DIR" -DZLIB_DIR="$ZLIB_DIR" build-wasm >/dev/null \
      || die "cmake re-configure (wasm) failed"
  fi
  cmake --build build-wasm -j "$JOBS" || die "wasm build failed"
  node tools/make_dist.mjs build-wasm dist || die "assembling dist/ failed"
}

build_all() { setup; build_native; build_wasm; }

# ---------------------------------------------------------------------------------------------
# Tests: ctest (Catch2) + node:test browser tests; one closing line "N passed, N failed".
# ---------------------------------------------------------------------------------------------
run_tests() {
  local log_dir="$ROOT/test-output"
  mkdir -p "$log_dir"
  local unit_pass=0 unit_fail=0 e2e_pass=0 e2e_fail=0 status=0

  step "unit tests (ctest)"
  set +e
  (cd build && ctest --output-on-failure -j "$JOBS") 2>&1 | tee "$log_dir/ctest.log"
  local ctest_rc=${PIPESTATUS[0]}
  local summary
  summary=$(grep -E '[0-9]+% tests passed, [0-9]+ tests? failed out of [0-9]+' "$log_dir/ctest.log" | tail -n 1)
  if [ -n "$summary" ]; then
    local total failed
    failed=$(echo "$summary" | sed -E 's/.* ([0-9]+) tests? failed out of ([0-9]+).*/\1/')
    total=$(echo "$summary" | sed -E 's/.* failed out of ([0-9]+).*/\1/')
    unit_fail=$failed; unit_pass=$((total - failed))
  else
    unit_fail=1
  fi
  [ "$ctest_rc" -ne 0 ] && status=1

  step "browser tests (node:test + playwright-core + /usr/bin/chromium)"
  node --test --test-concurrency=1 --test-reporter=spec --test-reporter-destination=stdout \
       --test-reporter=tap --test-reporter-destination="$log_dir/e2e.tap" tests/e2e/
  local node_rc=$?
  set -e
  e2e_pass=$(grep -E '^# pass [0-9]+' "$log_dir/e2e.tap" | awk '{print $3}' | tail -n 1)
  e2e_fail=$(grep -E '^# fail [0-9]+' "$log_dir/e2e.tap" | awk '{print $3}' | tail -n 1)
  e2e_pass=${e2e_pass:-0}; e2e_fail=${e2e_fail:-1}
  [ "$node_rc" -ne 0 ] && status=1
  [ "$e2e_pass" -eq 0 ] && { echo "no browser test ran"; status=1; }

  echo "unit: $unit_pass passed, $unit_fail failed; browser: $e2e_pass passed, $e2e_fail failed"
  echo "screenshots and logs: $log_dir"
  echo "$((unit_pass + e2e_pass)) passed, $((unit_fail + e2e_fail)) failed"
  return $status
}

serve() {
  local port="${PORT:-8080}"
  echo "Stridewise is at http://127.0.0.1:$port/  (Ctrl+C stops the server)"
  exec node tools/serve.mjs dist "$port"
}

case "${1:-serve}" in
  serve) build_all; serve ;;
  build) build_all ;;
  test)  build_all; run_tests ;;
  bench) build_all; ./build/cadence_bench; for b in tests/bench/*.mjs; do node "$b"; done ;;
  setup) setup ;;
  *) die "unknown command '$1' (use: build, test, bench, or nothing to build and serve)" ;;
esac
