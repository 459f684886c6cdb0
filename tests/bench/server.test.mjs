// Tests of the benchmark's static server: `node --test tests/bench/` (no packages needed).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';

import { pickEncoding, serve } from './server.mjs';

test('brotli first, then gzip, as the request allows', () => {
  assert.equal(pickEncoding('gzip, deflate, br, zstd'), 'br');
  assert.equal(pickEncoding('gzip, br;q=0'), 'gzip');
  assert.equal(pickEncoding('identity'), null);
  assert.equal(pickEncoding(''), null);
  assert.equal(pickEncoding('*'), 'br');
});

function get(url, headers) {
  return new Promise((resolve, reject) => {
    http.get(url, { headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

test('serves wasm as application/wasm, compressed when accepted, and the page at /', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pandu-bench-serve-'));
  const wasm = Buffer.alloc(4096, 7);
  fs.writeFileSync(path.join(dir, 'a-0123456789abcdef_bg.wasm'), wasm);
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><p>hi</p>');
  const server = await serve(dir);
  try {
    const br = await get(`${server.url}a-0123456789abcdef_bg.wasm`, { 'Accept-Encoding': 'gzip, br' });
    assert.equal(br.status, 200);
    assert.equal(br.headers['content-type'], 'application/wasm');
    assert.equal(br.headers['content-encoding'], 'br');
    assert.match(br.headers['cache-control'], /immutable/);
    assert.deepEqual(zlib.brotliDecompressSync(br.body), wasm);
    const gz = await get(`${server.url}a-0123456789abcdef_bg.wasm`, { 'Accept-Encoding': 'gzip' });
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.deepEqual(zlib.gunzipSync(gz.body), wasm);
    const plain = await get(`${server.url}a-0123456789abcdef_bg.wasm`, {});
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.equal(plain.body.length, 4096);
    const page = await get(server.url, {});
    assert.equal(page.headers['content-type'], 'text/html; charset=utf-8');
    assert.equal(page.headers['cache-control'], 'no-cache');
    assert.equal((await get(`${server.url}nope.js`, {})).status, 404);
    assert.equal((await get(`${server.url}..%2f..%2fetc%2fpasswd`, {})).status, 404);
    assert.equal(server.requests.length, 6);
  } finally {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
