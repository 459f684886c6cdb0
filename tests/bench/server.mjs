// The benchmark's static server: one dist directory on 127.0.0.1 (a free port), with the
// Content-Type a browser needs (application/wasm above all) and gzip or brotli
// (Content-Encoding) when the request accepts it, compressed once at start with the same
// settings as the size table (gzip level 9, brotli quality 11), so no request waits on it.

import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

export function gzip(buf) {
  return zlib.gzipSync(buf, { level: 9 });
}

export function brotli(buf) {
  return zlib.brotliCompressSync(buf, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length,
    },
  });
}

/** The encoding to send for an Accept-Encoding header: 'br', 'gzip' or null. */
export function pickEncoding(accept = '') {
  const q = {};
  for (const part of accept.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const qp = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    q[name] = qp ? Number(qp.slice(2)) : 1;
  }
  const ok = (name) => (q[name] ?? q['*'] ?? 0) > 0;
  if (ok('br')) return 'br';
  if (ok('gzip')) return 'gzip';
  return null;
}

function walk(dir, base = dir, out = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, base, out);
    else if (entry.isFile()) out.push(path.relative(base, full).split(path.sep).join('/'));
  }
  return out;
}

/**
 * Serves `root`. `compress: false` sends every file as it is. Returns
 * { url, requests, close() }; `requests` lists { path, status, encoding, bytes } in order.
 */
export async function serve(root, { compress = true } = {}) {
  const files = new Map();
  for (const name of walk(root)) {
    // The build's own compressed copies (xtask/js/compress.mjs): this server compresses itself.
    if (/\.(gz|br)$/.test(name)) continue;
    const raw = fs.readFileSync(path.join(root, name));
    const type = TYPES[path.extname(name).toLowerCase()] ?? 'application/octet-stream';
    const compressible = compress && !/^image\/(png|x-icon)$/.test(type) && raw.length > 0;
    files.set(name, {
      raw,
      type,
      gzip: compressible ? gzip(raw) : null,
      br: compressible ? brotli(raw) : null,
      // Hashed names never change content: cache them; the page and sw.js are checked each time.
      cache: /-[0-9a-f]{16}(_bg)?\.[a-z]+$/.test(name) ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
  }
  const requests = [];
  const server = http.createServer((req, res) => {
    let name;
    try {
      name = decodeURIComponent(new URL(req.url, 'http://x').pathname).replace(/^\/+/, '');
    } catch {
      name = null;
    }
    if (name === '' || name?.endsWith('/')) name = `${name}index.html`;
    const file = name === null ? undefined : files.get(name);
    if (!file || !['GET', 'HEAD'].includes(req.method)) {
      const status = file ? 405 : 404;
      requests.push({ path: req.url, status, encoding: null, bytes: 0 });
      res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(status === 404 ? 'not found\n' : 'method not allowed\n');
      return;
    }
    const encoding = file.gzip ? pickEncoding(req.headers['accept-encoding']) : null;
    const body = encoding === 'br' ? file.br : encoding === 'gzip' ? file.gzip : file.raw;
    const headers = {
      'Content-Type': file.type,
      'Content-Length': body.length,
      'Cache-Control': file.cache,
      'X-Content-Type-Options': 'nosniff',
    };
    if (file.gzip) headers.Vary = 'Accept-Encoding';
    if (encoding) headers['Content-Encoding'] = encoding;
    requests.push({ path: req.url, status: 200, encoding, bytes: body.length });
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
