// Minifies a wasm-bindgen glue script in place, gives the wasm's imports short
// names in both files (`wasm-imports.mjs`), and keeps the page's subresource
// integrity valid: the page's `integrity` of each old file is replaced by that
// of the new one. Trunk 0.21's own minifier cannot parse the glue, and
// changing the files after trunk without this would break the hashes trunk
// wrote. Run by `cargo xtask` after each trunk build:
//   node xtask/js/minify-glue.mjs <npm dir with terser> <glue.js> <page.html>
// The wasm is the glue's sibling `<name>_bg.wasm`.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { shortenImports } from './wasm-imports.mjs';

const [npmDir, js, page] = process.argv.slice(2);
if (!page) {
  console.error('usage: minify-glue.mjs <npm dir> <glue.js> <page.html>');
  process.exit(2);
}
const { minify } = createRequire(path.resolve(npmDir, 'package.json'))('terser');
const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

const wasmFile = js.replace(/\.js$/, '_bg.wasm');
const before = readFileSync(js);
const wasmBefore = readFileSync(wasmFile);
let html = readFileSync(page, 'utf8');
for (const [file, bytes] of [[js, before], [wasmFile, wasmBefore]]) {
  if (!html.includes(sri(bytes))) {
    console.error(`${page} does not carry the integrity of ${file} (${sri(bytes)}): not minified`);
    process.exit(1);
  }
}

let short;
try {
  short = shortenImports(new Uint8Array(wasmBefore), before.toString('utf8'));
  // V8 reads the result as the browser will: a wasm it refuses never reaches a page.
  const names = WebAssembly.Module.imports(new WebAssembly.Module(short.wasm)).map((i) => i.name);
  const missing = names.filter((n) => /^_[0-9a-z]+$/.test(n) && !short.js.includes(`${n}:`));
  if (missing.length) throw new Error(`the glue does not define ${missing.join(', ')}`);
} catch (e) {
  console.error(`${wasmFile}: the imports cannot be renamed: ${e.message}`);
  process.exit(1);
}
writeFileSync(wasmFile, short.wasm);
html = html.replaceAll(sri(wasmBefore), sri(short.wasm));

// Other property names are left alone: the wasm finds its imports by name.
const out = await minify(short.js, {
  module: true,
  ecma: 2020,
  compress: { passes: 2 },
  mangle: true,
  format: { comments: false },
});
if (!out.code) {
  console.error(`terser returned nothing for ${js}`);
  process.exit(1);
}
writeFileSync(js, out.code);
writeFileSync(page, html.replaceAll(sri(before), sri(out.code)));
console.log(
  `xtask: minified ${path.basename(js)}: ${before.length} → ${Buffer.byteLength(out.code)} B; ` +
    `${short.renamed} imports renamed, ${path.basename(wasmFile)} ${wasmBefore.length} → ${short.wasm.length} B; ` +
    `integrity updated in ${path.basename(page)}`,
);
