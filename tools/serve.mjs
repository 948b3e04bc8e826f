// A small static file server for dist/ (and the benchmark's bare page), on 127.0.0.1 only.
// Serves .wasm as application/wasm. Cache-Control: no-cache with an ETag (a hash of the file): the browser (and the
// service worker's install) always asks, and an unchanged file costs a 304, so a rebuilt app is
// always fresh.
// Content-Security-Policy: the header carries the policy the page's own <meta http-equiv> states
// (web/index.html is the one source of truth). An HTML file gets its own meta's policy (none if
// it has none, like the benchmark's bare page); every other file gets the root index.html's,
// which is what governs the service worker script.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json',
  '.webmanifest': 'application/manifest+json', '.png': 'image/png', '.svg': 'image/svg+xml', '.ico': 'image/x-icon',
  '.ttf': 'font/ttf', '.csv': 'text/csv; charset=utf-8',
};

// The content of <meta http-equiv="Content-Security-Policy" content="...">, or null.
export function metaContentSecurityPolicy(html) {
  for (const tag of String(html).match(/<meta\b[^>]*>/gi) ?? []) {
    if (!/http-equiv\s*=\s*["']?content-security-policy["'\s>]/i.test(tag)) continue;
    const content = tag.match(/\bcontent\s*=\s*"([^"]*)"/i) ?? tag.match(/\bcontent\s*=\s*'([^']*)'/i);
    if (content) return content[1].replace(/&#39;|&apos;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  }
  return null;
}

export function startServer(root, port = 0, host = '127.0.0.1') {
  const base = resolve(root);
  const rootIndex = join(base, 'index.html');
  let rootPolicy = { mtimeMs: -1, csp: null };
  async function rootCsp() {  // re-read when dist/ is rebuilt under a running server
    const info = await stat(rootIndex).catch(() => null);
    if (!info) return null;
    if (info.mtimeMs !== rootPolicy.mtimeMs) {
      rootPolicy = { mtimeMs: info.mtimeMs, csp: metaContentSecurityPolicy(await readFile(rootIndex, 'utf8').catch(() => '')) };
    }
    return rootPolicy.csp;
  }

  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    let path = normalize(decodeURIComponent(url.pathname));
    if (path.endsWith('/')) path += 'index.html';
    const file = join(base, path);
    if (!file.startsWith(base)) { res.writeHead(403).end(); return; }
    try {
      const info = await stat(file);
      if (!info.isFile()) throw new Error('not a file');
      const type = TYPES[extname(file)] || 'application/octet-stream';
      const body = await readFile(file);
      const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
      const csp = type.startsWith('text/html') ? metaContentSecurityPolicy(body.toString('utf8')) : await rootCsp();
      const headers = { 'Content-Type': type, 'Cache-Control': 'no-cache', ETag: etag };
      if (csp) headers['Content-Security-Policy'] = csp;
      if (req.headers['if-none-match'] === etag) { res.writeHead(304, headers).end(); return; }
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => ok({ server, url: `http://${host}:${server.address().port}/` }));
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [root = 'dist', port = '8080'] = process.argv.slice(2);
  startServer(root, Number(port)).then(({ url }) => console.log(`serving ${root} at ${url}`),
    (e) => { console.error(`cannot serve on port ${port}: ${e.message}`); process.exit(1); });
}
