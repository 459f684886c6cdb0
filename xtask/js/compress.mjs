// Writes a `.gz` (level 9) and a `.br` (quality 11) beside each text file of
// a build, as the benchmark's server compresses (tests/bench/server.mjs), so
// that `cargo xtask serve` sends what the bench measures. The xtask server
// sends a sibling only while it is not older than its file: a file a
// deployment edits later (terbitan.txt, a published SOP) is sent as it is.
//   node xtask/js/compress.mjs <dist>
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dist = process.argv[2];
if (!dist) {
  console.error('usage: compress.mjs <dist>');
  process.exit(2);
}
const TEXT = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.json', '.svg', '.webmanifest']);

function* files(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else if (entry.isFile() && TEXT.has(path.extname(entry.name))) yield full;
  }
}

let n = 0;
let raw = 0;
let gz = 0;
let br = 0;
for (const file of files(dist)) {
  const buf = fs.readFileSync(file);
  const g = zlib.gzipSync(buf, { level: 9 });
  const b = zlib.brotliCompressSync(buf, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length,
    },
  });
  fs.writeFileSync(`${file}.gz`, g);
  fs.writeFileSync(`${file}.br`, b);
  n += 1;
  raw += buf.length;
  gz += g.length;
  br += b.length;
}
console.log(`xtask: compressed ${n} files of ${dist} (${raw} B → gzip ${gz} B, brotli ${br} B)`);
