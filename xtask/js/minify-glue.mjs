// Minifies a wasm-bindgen glue script in place and keeps the page's
// subresource integrity valid: the page's `integrity` of the old text is
// replaced by that of the new one. Trunk 0.21's own minifier cannot parse the
// glue, and minifying after trunk without this would break the hash trunk
// wrote. Run by `cargo xtask` after each trunk build:
//   node xtask/js/minify-glue.mjs <npm dir with terser> <glue.js> <page.html>
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const [npmDir, js, page] = process.argv.slice(2);
if (!page) {
  console.error('usage: minify-glue.mjs <npm dir> <glue.js> <page.html>');
  process.exit(2);
}
const { minify } = createRequire(path.resolve(npmDir, 'package.json'))('terser');
const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

const before = readFileSync(js);
const html = readFileSync(page, 'utf8');
const old = sri(before);
if (!html.includes(old)) {
  console.error(`${page} does not carry the integrity of ${js} (${old}): not minified`);
  process.exit(1);
}
// Property names are left alone: the wasm finds its imports by name.
const out = await minify(before.toString('utf8'), {
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
writeFileSync(page, html.replaceAll(old, sri(out.code)));
console.log(`xtask: minified ${path.basename(js)}: ${before.length} → ${Buffer.byteLength(out.code)} B, integrity updated in ${path.basename(page)}`);
