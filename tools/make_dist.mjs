// Assembles dist/: the page's static files from web/ (not the --js-library sources, which are
// compiled into app.js) plus the built app.js / app.wasm.
import { cpSync, mkdirSync, readdirSync, rmSync, statSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';

const [buildDir = 'build-wasm', distDir = 'dist'] = process.argv.slice(2);
rmSync(distDir, { recursive: true, force: true });
mkdirSync(distDir, { recursive: true });
for (const name of readdirSync('web')) {
  if (name === 'lib') continue;
  cpSync(join('web', name), join(distDir, name), { recursive: true });
}
for (const name of ['app.js', 'app.wasm']) copyFileSync(join(buildDir, name), join(distDir, name));
// The bare Dear ImGui page the benchmark compares against lives beside it, not in the app.
const bareDir = join(buildDir, 'bare');
mkdirSync(bareDir, { recursive: true });
for (const name of ['bare_imgui.js', 'bare_imgui.wasm']) {
  try { statSync(join(buildDir, name)); copyFileSync(join(buildDir, name), join(bareDir, name)); } catch { /* not built */ }
}
copyFileSync('tests/bench/bare_imgui/index.html', join(bareDir, 'index.html'));
