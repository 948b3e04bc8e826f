// Assembles dist/: the page's static files from web/ (not the --js-library sources, which are
// compiled into app.js) plus the built app.js / app.wasm, then finishes dist/sw.js: the build's
// version and the list of files the service worker caches (see finishServiceWorker). Every script
// is minified with terser (npm): Debian's Emscripten cannot run Closure, so app.js leaves the
// build with only its whitespace removed, and our own scripts keep their comments in web/.
//
//   node tools/make_dist.mjs [BUILD_DIR=build-wasm] [DIST_DIR=dist]
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, copyFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { minify } from 'terser';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SW_TEMPLATE = join(ROOT, 'web/sw.js');
const VERSION_PLACEHOLDER = "'STRIDEWISE_VERSION'";
const FILES_PLACEHOLDER = '/* STRIDEWISE_FILES */ []';
// Not part of the app: the service worker itself (the browser fetches it on its own) and a
// benchmark's bare Dear ImGui page, should one ever be put in dist.
const NOT_CACHED = new Set(['sw.js', 'bare']);
// Files fetched only when first used: the workers for importing activity files (pugixml, zlib and
// the readers) and restoring a backup (its parser), and the PNG icons, which only the browser's
// install prompt and the home screen use (the page draws none of them; an installed app's icon is
// kept by the system). The service worker caches them then, not at install, so a first visit does
// not download them.
const ON_DEMAND = /^(import_|backup_|icons\/)/;

// Every file under dir (paths relative to it, with '/'), skipping NOT_CACHED at the top level.
function appFiles(dir, sub = '') {
  const out = [];
  for (const name of readdirSync(join(dir, sub)).sort()) {
    const path = sub ? `${sub}/${name}` : name;
    if (!sub && NOT_CACHED.has(name)) continue;
    if (statSync(join(dir, path)).isDirectory()) out.push(...appFiles(dir, path));
    else out.push(path);
  }
  return out;
}

// Writes DIST_DIR/sw.js from web/sw.js with
//   - the version: a hash of every app file's path and contents (and of the worker's own code),
//     so any change to the page makes a new cache name and a byte-different sw.js, which is what
//     makes the browser install the new worker;
//   - the precache list: [path, Subresource Integrity hash] for every file in dist except sw.js
//     and bare/. The worker fetches each with its hash, so a half-deployed server (new sw.js, old
//     app.wasm) fails the install instead of caching a mix of two builds.
// Exported for the browser tests, which fake a new build in a copy of dist.
export function finishServiceWorker(distDir, template = readFileSync(SW_TEMPLATE, 'utf8')) {
  if (!template.includes(VERSION_PLACEHOLDER) || !template.includes(FILES_PLACEHOLDER)) {
    throw new Error(`${relative(process.cwd(), SW_TEMPLATE)} lacks ${VERSION_PLACEHOLDER} or ${FILES_PLACEHOLDER}`);
  }
  const version = createHash('sha256');
  version.update(template);
  const files = appFiles(distDir).map((path) => {
    const body = readFileSync(join(distDir, ...path.split('/')));
    version.update(`\0${path}\0`).update(body);
    const entry = [path, `sha256-${createHash('sha256').update(body).digest('base64')}`];
    if (ON_DEMAND.test(path)) entry.push('on-demand');
    return entry;
  });
  const id = version.digest('hex').slice(0, 16);
  const list = `[\n${files.map((f) => `  ${JSON.stringify(f)},`).join('\n')}\n]`;
  writeFileSync(join(distDir, 'sw.js'),
    template.replace(VERSION_PLACEHOLDER, () => JSON.stringify(id)).replace(FILES_PLACEHOLDER, () => list));
  return { version: id, files: files.map(([path]) => path) };
}

// The page's other text files without their comments (kept in web/ for the people who read them):
// CSS comments and blank space, HTML comments and indentation, the manifest's JSON whitespace.
function minifyText(dir) {
  const rewrite = (name, fn) => writeFileSync(join(dir, name), fn(readFileSync(join(dir, name), 'utf8')));
  rewrite('style.css', (css) => css.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s*\n\s*/g, '\n').trim() + '\n');
  rewrite('index.html', (html) => html.replace(/<!--[\s\S]*?-->/g, '').replace(/\n\s+/g, '\n'));
  rewrite('manifest.webmanifest', (text) => JSON.stringify(JSON.parse(text)));
}

// Minifies the named scripts in dir in place. They are classic scripts (page, workers) that share
// globals, so top-level names are kept; properties are never renamed (Module['...']).
// app.js is the exception: nothing outside it reads its top-level names (the page, the workers
// and the tests reach it only through Module and window.stridewise), so they are renamed and the
// unused ones dropped (-2.6 KB gzip: Emscripten's runtime keeps many helpers this app never calls).
async function minifyScripts(dir, names) {
  for (const name of names) {
    const path = join(dir, name);
    const ownScope = name === 'app.js';
    const { code } = await minify(readFileSync(path, 'utf8'), {
      compress: { passes: 2 }, format: { comments: false },
      ...(ownScope ? { toplevel: true, mangle: { toplevel: true, reserved: ['Module'] } } : { mangle: true }),
    });
    writeFileSync(path, code);
  }
}

async function makeDist(buildDir, distDir) {
  rmSync(distDir, { recursive: true, force: true });
  mkdirSync(distDir, { recursive: true });
  for (const name of readdirSync('web')) {
    if (name === 'lib') continue;
    cpSync(join('web', name), join(distDir, name), { recursive: true });
  }
  // The app, and the backup worker's parser (web/backup_worker.js loads it).
  for (const name of ['app.js', 'app.wasm', 'backup_parser.js', 'backup_parser.wasm', 'import_reader.js',
                      'import_reader.wasm']) {
    copyFileSync(join(buildDir, name), join(distDir, name));
  }
  // The bare Dear ImGui page the benchmark compares against lives beside it, not in the app.
  const bareDir = join(buildDir, 'bare');
  mkdirSync(bareDir, { recursive: true });
  for (const name of ['bare_imgui.js', 'bare_imgui.wasm']) {
    try { statSync(join(buildDir, name)); copyFileSync(join(buildDir, name), join(bareDir, name)); } catch { /* not built */ }
  }
  copyFileSync('tests/bench/bare_imgui/index.html', join(bareDir, 'index.html'));
  // Before the service worker's list is made (it holds each file's hash), sw.js after.
  await minifyScripts(distDir, readdirSync(distDir).filter((n) => n.endsWith('.js') && n !== 'sw.js'));
  minifyText(distDir);
  const { version, files } = finishServiceWorker(distDir);
  await minifyScripts(distDir, ['sw.js']);
  console.log(`${distDir}${sep}: version ${version}, ${files.length} files cached by sw.js`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [buildDir = 'build-wasm', distDir = 'dist'] = process.argv.slice(2);
  await makeDist(buildDir, distDir);
}
