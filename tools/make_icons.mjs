// Renders web/icon.svg into the PNG icons the manifest and iOS use, with Debian's Chromium
// (playwright-core). Run it after changing web/icon.svg and commit the PNGs in web/icons/:
//
//   NODE_PATH=/usr/share/nodejs node tools/make_icons.mjs
//
// Each screenshot is then reduced to a 16-colour palette PNG (Debian's pngquant: the icon is two
// colours, and 16 levels between them keep its anti-aliased edges) and recompressed (optipng): the
// service worker caches all four on a first visit, and this takes them from 30 to 9 KB gzip with
// no visible change.
// apt-get install pngquant optipng  (needed by this tool only, not by the build).
//
//   icons/icon-192.png, icons/icon-512.png   purpose "any": the SVG as drawn (rounded square,
//                                            transparent corners)
//   icons/icon-maskable-512.png              purpose "maskable": full-bleed brand blue, the mark
//                                            scaled to 78% so it stays inside the 80% safe zone
//                                            (a launcher may cut it to a circle or a squircle)
//   icons/apple-touch-icon.png (180)         full-bleed square: iOS rounds the corners itself
//                                            and shows transparency as black
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'web/icons');
const BLUE = '#0d66a8';
const svg = readFileSync(join(ROOT, 'web/icon.svg'), 'utf8');
const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;

const ICONS = [
  { file: 'icon-192.png', size: 192, scale: 1, background: null },
  { file: 'icon-512.png', size: 512, scale: 1, background: null },
  { file: 'icon-maskable-512.png', size: 512, scale: 0.78, background: BLUE },
  { file: 'apple-touch-icon.png', size: 180, scale: 1, background: BLUE },
];

mkdirSync(OUT, { recursive: true });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--headless'] });
try {
  for (const { file, size, scale, background } of ICONS) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    const side = Math.round(size * scale);
    const offset = (size - side) / 2;
    await page.setContent(`<!doctype html><html><body style="margin:0;background:${background ?? 'transparent'}">
      <img src="${src}" width="${side}" height="${side}" style="position:absolute;left:${offset}px;top:${offset}px">
      </body></html>`);
    await page.waitForFunction(() => document.images[0].complete);
    await page.screenshot({ path: join(OUT, file), omitBackground: !background });
    await page.close();
    const path = join(OUT, file);
    execFileSync('pngquant', ['16', '--speed', '1', '--strip', '--force', '--output', path, path]);
    execFileSync('optipng', ['-quiet', '-o7', '-strip', 'all', path]);
    console.log(`web/icons/${file} (${size}x${size})`);
  }
} finally {
  await browser.close();
}
