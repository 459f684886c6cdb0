// The import renaming of `cargo xtask`'s glue step (wasm-imports.mjs), on a small
// wasm written here byte by byte: V8 must still instantiate it with the rewritten glue.
import assert from 'node:assert/strict';
import test from 'node:test';
import { shortenImports } from './wasm-imports.mjs';

const enc = new TextEncoder();
const str = (s) => [enc.encode(s).length, ...enc.encode(s)];
const leb = (n) => (n < 0x80 ? [n] : [(n & 0x7f) | 0x80, ...leb(n >> 7)]);
const section = (id, bytes) => [id, ...leb(bytes.length), ...bytes];
const imp = (module, field, desc) => [...str(module), ...str(field), ...desc];

const ANSWER = '__wbg_answer_0123456789abcdef';
const TWICE = '__wbg_twice_fedcba9876543210';
const OTHER = '__wbg_other_0123456789abcdee';

/** Four function imports (three the glue defines, one it does not), a memory, a global, a table; `sum` adds three calls. */
function sample() {
  const imports = [
    imp('wbg', ANSWER, [0x00, 0]),
    imp('wbg', '__wbindgen_plain', [0x00, 0]),
    imp('wbg', TWICE, [0x00, 0]),
    imp('env', OTHER, [0x00, 0]),
    imp('wbg', 'memory', [0x02, 0x00, 1]),
    imp('wbg', 'g', [0x03, 0x7f, 0x00]),
    imp('wbg', 't', [0x01, 0x6f, 0x01, 1, 2]),
  ];
  const body = [0x00, 0x10, 0, 0x10, 1, 0x6a, 0x10, 3, 0x6a, 0x0b];
  return Uint8Array.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, [1, 0x60, 0x00, 1, 0x7f]),
    ...section(2, [imports.length, ...imports.flat()]),
    ...section(3, [1, 0]),
    ...section(7, [1, ...str('sum'), 0x00, 4]),
    ...section(10, [1, body.length, ...body]),
    ...section(0, [...str('keep'), 7, 7, 7]),
  ]);
}

const GLUE = `const import0 = {
    __proto__: null,
    ${ANSWER}: function() { return 40; },
    __wbindgen_plain: function() { return 2; },
    ${TWICE}: function() { return 0; },
};
// ${TWICE} is named here a second time.
`;

function instantiate(wasm, js) {
  const wbg = new Function(`${js}; return import0;`)();
  const imports = {
    wbg: {
      ...wbg,
      memory: new WebAssembly.Memory({ initial: 1 }),
      g: new WebAssembly.Global({ value: 'i32' }, 0),
      t: new WebAssembly.Table({ element: 'externref', initial: 1, maximum: 2 }),
    },
    env: { [OTHER]: () => 100 },
  };
  return new WebAssembly.Instance(new WebAssembly.Module(wasm), imports).exports;
}

test('hashed imports the glue defines get short names in the wasm and the glue, and the pair still works', () => {
  const wasm = sample();
  assert.equal(instantiate(wasm, GLUE).sum(), 142);

  const out = shortenImports(wasm, GLUE);
  assert.equal(out.renamed, 1);
  assert.deepEqual(
    WebAssembly.Module.imports(new WebAssembly.Module(out.wasm)).map((i) => `${i.module}.${i.name}`),
    ['wbg._0', 'wbg.__wbindgen_plain', `wbg.${TWICE}`, `env.${OTHER}`, 'wbg.memory', 'wbg.g', 'wbg.t'],
  );
  assert.ok(out.js.includes('_0: function() { return 40; }'));
  assert.ok(!out.js.includes(ANSWER));
  assert.equal(instantiate(out.wasm, out.js).sum(), 142);
  assert.equal(out.wasm.length, wasm.length - ANSWER.length + 2);
  // The sections after the imports are copied as they were.
  assert.deepEqual([...out.wasm.slice(-8)], [...wasm.slice(-8)]);
});

test('a wasm without hashed imports comes back unchanged', () => {
  const wasm = sample();
  const out = shortenImports(wasm, 'const import0 = {};');
  assert.equal(out.renamed, 0);
  assert.equal(out.wasm, wasm);
});

test('a file that is not a wasm, or one cut short, is refused with the reason', () => {
  assert.throws(() => shortenImports(enc.encode('<html>'), GLUE), /not a wasm module/);
  assert.throws(() => shortenImports(sample().slice(0, 30), GLUE), /runs past the end of the wasm/);
});
