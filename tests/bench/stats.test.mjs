// Tests of the benchmark's pure helpers: `node --test tests/bench/` (no packages needed).
// `cargo xtask bench` runs them before it measures anything.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { firstLoadFiles, median, percentile, summary, table, row, tags, total, walkMove } from './stats.mjs';

test('percentiles are nearest-rank: always a measured value', () => {
  const xs = Array.from({ length: 15 }, (_, i) => 15 - i); // 15..1, unsorted
  assert.equal(percentile(xs, 90), 14);
  assert.equal(percentile(xs, 50), 8);
  assert.equal(percentile(xs, 100), 15);
  const steps = Array.from({ length: 200 }, (_, i) => i + 1);
  assert.equal(percentile(steps, 95), 190);
  assert.equal(percentile([7], 95), 7);
  assert.equal(percentile([], 95), null);
  assert.equal(percentile([1, NaN, 3], 50), 1, 'non-numbers are left out');
  assert.throws(() => percentile([1], 0));
});

test('the median of an even count is the mean of the middle two', () => {
  assert.equal(median([4, 1, 3, 2]), 2.5);
  assert.equal(median([3, 1, 2]), 2);
  assert.equal(median([]), null);
  assert.deepEqual(summary([3, 1, 2]), { n: 3, min: 1, median: 2, p90: 3, p95: 3, max: 3 });
});

test('attributes are read quoted or not', () => {
  const html = '<link href=/a.css integrity=sha384-x rel=stylesheet><link rel="icon" href="/f.svg"><script type="module" src="/l.js"></script>';
  assert.deepEqual(tags(html, 'link'), [
    { href: '/a.css', integrity: 'sha384-x', rel: 'stylesheet' },
    { rel: 'icon', href: '/f.svg' },
  ]);
  assert.deepEqual(tags(html, 'script'), [{ type: 'module', src: '/l.js' }]);
});

test('the first load is the page, its loader, the glue, the wasm and the CSS, not the icon', () => {
  const html =
    '<!doctype html><title>P</title><script type="module" src="/pandu-loader-1.js"></script>' +
    '<link href=/pandu-2.css rel=stylesheet><link href=/favicon.svg rel=icon type=image/svg+xml>' +
    '<link crossorigin href=/pandu-3.js rel=modulepreload>' +
    '<link as=fetch crossorigin href=/pandu-3_bg.wasm rel=preload type=application/wasm>';
  const loader =
    "import init, * as bindings from '/pandu-3.js';\nconst wasm = await init({ module_or_path: '/pandu-3_bg.wasm' });\n";
  const files = firstLoadFiles(html, (name) => {
    assert.equal(name, 'pandu-loader-1.js');
    return loader;
  });
  assert.deepEqual(files, [
    { name: 'index.html', kind: 'html' },
    { name: 'pandu-loader-1.js', kind: 'loader' },
    { name: 'pandu-3.js', kind: 'js' },
    { name: 'pandu-3_bg.wasm', kind: 'wasm' },
    { name: 'pandu-2.css', kind: 'css' },
  ]);
  // Without preload links the loader alone still names the glue and the wasm.
  const bare = firstLoadFiles('<script type=module src=/l.js></script>', () => loader);
  assert.deepEqual(bare.map((f) => f.name), ['index.html', 'l.js', 'pandu-3.js', 'pandu-3_bg.wasm']);
  // Training's page: its files under latihan/, the page by its own name.
  const training = firstLoadFiles(
    '<script type="module" src="/latihan/pandu-loader-9.js"></script><link rel=stylesheet href=/latihan/latihan-4.css>',
    () => "import init from '/latihan/latihan-8.js';\nawait init({ module_or_path: '/latihan/latihan-8_bg.wasm' });",
    'latihan.html',
  );
  assert.deepEqual(training.map((f) => f.name), [
    'latihan.html', 'latihan/pandu-loader-9.js', 'latihan/latihan-8.js', 'latihan/latihan-8_bg.wasm', 'latihan/latihan-4.css',
  ]);
  assert.deepEqual(total([{ raw: 3, gzip: 2, brotli: 1 }, { raw: 30, gzip: 20, brotli: 10 }]), { raw: 33, gzip: 22, brotli: 11 });
});

test('the walk goes forward to the collect step and back to the first, deterministically', () => {
  const plan = {
    'salam-pembuka': { key: 'Enter' },
    'sapa-nama': { key: 'Enter' },
    'tawarkan-bantuan': { option: 'ps' },
    'jenis-ps': { option: 'pelanggan' },
  };
  const options = {
    'tawarkan-bantuan': ['pb', 'pd', 'ps', 'bukan-niaga'],
    'jenis-ps': ['pelanggan', 'lintas-fasa', 'non-pelanggan'],
  };
  const state = {};
  let at = 'salam-pembuka';
  const keys = [];
  for (let i = 0; i < 16; i += 1) {
    const m = walkMove(plan, 'data-ps', { id: at, kind: at === 'data-ps' ? 'collect' : 'x', options: options[at] ?? [] }, state);
    keys.push(`${m.modifiers ? `${m.modifiers}+` : ''}${m.key}`);
    at = m.expect;
  }
  assert.deepEqual(keys.slice(0, 8), ['Enter', 'Enter', '3', '1', 'Alt+ArrowLeft', 'Alt+ArrowLeft', 'Alt+ArrowLeft', 'Alt+ArrowLeft']);
  assert.deepEqual(keys.slice(8), keys.slice(0, 8), 'every round is the same');
  assert.equal(at, 'salam-pembuka');
  assert.throws(() => walkMove(plan, 'data-ps', { id: 'elsewhere', kind: 'say', options: [] }, {}), /not on the walk/);
  assert.throws(() => walkMove(plan, 'data-ps', { id: 'jenis-ps', kind: 'ask', options: ['x'] }, {}), /no option/);
});

test('the table marks unmeasured budgets as failed', () => {
  const text = table([
    row('a', '1', '2', '≤ 3', true),
    row('b', 'n/a', '', '≤ 3', null),
    row('info', 'x', 'y', '', null),
  ]);
  const lines = text.split('\n');
  assert.equal(lines.length, 5);
  assert.match(lines[2], /\| pass/);
  assert.match(lines[3], /FAIL \(not measured\)/);
  assert.doesNotMatch(lines[4], /FAIL|pass/);
});
