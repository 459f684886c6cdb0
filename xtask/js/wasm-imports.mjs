// Short names for the imports wasm-bindgen generates, in the wasm and in its glue.
//
// Each import shim is named `__wbg_<what>_<16 hex digits>`: about 200 of them,
// each name written twice (the wasm's import section, the glue's import
// object), and the hex digits do not compress. Renaming them `_0`, `_1`, … in
// both files takes about 5.5 KB gzip off a live first load (BENCHMARKS.md).
// Binaryen's own `--minify-imports` only renames emscripten's `env` imports,
// and webpack's @webassemblyjs (1.14.1) cannot read this wasm (it stops at the
// first 0xfc-prefixed instruction), so the import section is rewritten here;
// every other section is copied byte for byte.

const HASHED = /_[0-9a-f]{16}$/;
const decoder = new TextDecoder('utf-8', { fatal: true });
const encoder = new TextEncoder();

/** An unsigned LEB128 at `at`: `[value, next offset]`. */
function uleb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    if (at >= bytes.length) throw new Error('the wasm ends inside a number');
    const b = bytes[at++];
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (b < 0x80) return [value, at];
    if (shift > 63) throw new Error('a number in the wasm is too long');
  }
}

function lebBytes(value) {
  const out = [];
  do {
    let b = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) b |= 0x80;
    out.push(b);
  } while (value > 0);
  return Uint8Array.from(out);
}

function concat(parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A value type (or reference type) at `at`: the offset after it. */
function skipType(bytes, at) {
  const t = bytes[at++];
  // `(ref null? ht)`: a heap type follows, as a signed LEB128.
  if (t === 0x63 || t === 0x64) return uleb(bytes, at)[1];
  return at;
}

function skipLimits(bytes, at) {
  const flags = bytes[at++];
  at = uleb(bytes, at)[1];
  return flags & 1 ? uleb(bytes, at)[1] : at;
}

/** An import's description (function, table, memory, global, tag): the offset after it. */
function skipImportDesc(bytes, at) {
  const kind = bytes[at++];
  switch (kind) {
    case 0x00:
      return uleb(bytes, at)[1];
    case 0x01:
      return skipLimits(bytes, skipType(bytes, at));
    case 0x02:
      return skipLimits(bytes, at);
    case 0x03:
      return skipType(bytes, at) + 1;
    case 0x04:
      return uleb(bytes, at + 1)[1];
    default:
      throw new Error(`unknown import kind 0x${kind.toString(16)} at byte ${at - 1}`);
  }
}

function name(bytes, at) {
  const [len, start] = uleb(bytes, at);
  return [decoder.decode(bytes.subarray(start, start + len)), start + len];
}

function nameBytes(text) {
  const b = encoder.encode(text);
  return concat([lebBytes(b.length), b]);
}

/**
 * The wasm's import section, each import as `{ module, field, desc }` (desc: its raw bytes),
 * and a function writing the module again with other field names.
 */
function imports(wasm) {
  if (wasm.length < 8 || wasm[0] !== 0 || wasm[1] !== 0x61 || wasm[2] !== 0x73 || wasm[3] !== 0x6d) {
    throw new Error('not a wasm module');
  }
  let at = 8;
  while (at < wasm.length) {
    const start = at;
    const id = wasm[at];
    const [size, body] = uleb(wasm, at + 1);
    const end = body + size;
    if (end > wasm.length) throw new Error(`section ${id} runs past the end of the wasm`);
    if (id === 2) {
      let [count, p] = uleb(wasm, body);
      const list = [];
      while (count-- > 0) {
        const [module, a] = name(wasm, p);
        const [field, b] = name(wasm, a);
        p = skipImportDesc(wasm, b);
        list.push({ module, field, desc: wasm.subarray(b, p) });
      }
      if (p !== end) throw new Error(`the import section ends at byte ${p}, its size says ${end}`);
      const write = (fields) => {
        const content = concat([
          lebBytes(list.length),
          ...list.flatMap((imp, i) => [nameBytes(imp.module), nameBytes(fields[i]), imp.desc]),
        ]);
        return concat([wasm.subarray(0, start), Uint8Array.of(2), lebBytes(content.length), content, wasm.subarray(end)]);
      };
      return { list, write };
    }
    at = end;
  }
  return { list: [], write: () => wasm };
}

/**
 * Renames the hashed wasm-bindgen imports of `wasm` (bytes) and of its glue `js` (text)
 * to short names. A name is renamed only when the glue writes it exactly once (the key of
 * its import object), so nothing else in the glue can change meaning; an import the glue
 * does not define (the host's own) keeps its name.
 * Returns `{ wasm, js, renamed }`; throws with the reason when the wasm cannot be read.
 */
export function shortenImports(wasm, js) {
  const { list, write } = imports(wasm);
  const taken = new Set(list.map((i) => i.field));
  const count = (text, word) => text.split(word).length - 1;
  let n = 0;
  const fresh = () => {
    for (;;) {
      const candidate = `_${(n++).toString(36)}`;
      if (!taken.has(candidate) && !js.includes(candidate + ':')) return candidate;
    }
  };
  const renames = new Map();
  const fields = list.map((imp) => {
    if (!HASHED.test(imp.field) || renames.has(imp.field)) {
      return renames.get(imp.field) ?? imp.field;
    }
    if (count(js, imp.field) !== 1) return imp.field;
    const short = fresh();
    renames.set(imp.field, short);
    return short;
  });
  let out = js;
  for (const [long, short] of renames) out = out.replace(long, short);
  return { wasm: renames.size ? write(fields) : wasm, js: out, renamed: renames.size };
}
