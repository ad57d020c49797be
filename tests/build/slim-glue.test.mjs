// scripts/slim-glue.mjs: the import names shortened on both sides of the wasm-bindgen boundary
// must leave a wasm that compiles and imports exactly what the glue provides, and the glue's
// trimming must never touch a line that could be inside a string.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shortenImports, stripGlue } from '../../scripts/slim-glue.mjs';

const name = (s) => [s.length, ...Buffer.from(s)];
const leb = (n) => (n < 128 ? [n] : [(n % 128) | 0x80, ...leb(Math.floor(n / 128))]);
const section = (id, body) => [id, ...leb(body.length), ...body];

/** A wasm module importing two hashed functions, a memory and an unhashed function, calling one. */
function module() {
  const types = section(1, [1, 0x60, 0, 0]); // one type: () -> ()
  const imports = section(2, [
    4,
    ...name('./main_bg.js'), ...name('__wbg_alert_0123456789abcdef'), 0x00, 0,
    ...name('./main_bg.js'), ...name('__wbindgen_cast_fedcba9876543210'), 0x00, 0,
    ...name('./main_bg.js'), ...name('memory'), 0x02, 0x01, 1, 2,
    ...name('./__wasm_split.js'), ...name('__wasm_split_load_later'), 0x00, 0,
  ]);
  const funcs = section(3, [1, 0]);
  const exports = section(7, [1, ...name('run'), 0x00, 3]);
  const code = section(10, [1, 4, 0, 0x10, 0, 0x0b]); // run: call import 0
  return Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, ...types, ...imports, ...funcs, ...exports, ...code]);
}

const glue = `const import0 = {
    __proto__: null,
    __wbg_alert_0123456789abcdef: function() {
        alert('hi');
    },
    __wbindgen_cast_fedcba9876543210: function(arg0) {
        // Cast intrinsic for \`F64 -> Externref\`.
        return arg0;
    },
};
`;

test('hashed imports get short names on both sides and the wasm still links to the glue', async () => {
  const { glue: js, wasm, renamed } = shortenImports(glue, module());
  assert.equal(renamed, 2);
  assert.deepEqual(
    WebAssembly.Module.imports(new WebAssembly.Module(wasm)).map((i) => `${i.module}:${i.name}:${i.kind}`),
    ['./main_bg.js:a:function', './main_bg.js:b:function', './main_bg.js:memory:memory', './__wasm_split.js:__wasm_split_load_later:function'],
  );
  assert.match(js, /\ba: function\(\)/);
  assert.match(js, /\bb: function\(arg0\)/);
  assert.doesNotMatch(js, /0123456789abcdef|fedcba9876543210/);
  // It runs: the renamed import is the glue's function.
  const calls = [];
  const { instance } = await WebAssembly.instantiate(wasm, {
    './main_bg.js': { a: () => calls.push('a'), b: () => {}, memory: new WebAssembly.Memory({ initial: 1, maximum: 2 }) },
    './__wasm_split.js': { __wasm_split_load_later: () => {} },
  });
  instance.exports.run();
  assert.deepEqual(calls, ['a']);
});

test('a glue that does not provide an import the wasm names is refused', () => {
  assert.throws(() => shortenImports(glue.replace('__wbg_alert_0123456789abcdef', '__wbg_other_0123456789abcdef'), module()), /names __wbg_alert/);
});

test('the glue loses indentation and whole-line comments, never a string', () => {
  const stripped = stripGlue(glue);
  assert.ok(!stripped.includes('Cast intrinsic'));
  assert.ok(stripped.split('\n').every((l) => l === l.trim()));
  assert.ok(stripped.includes("alert('hi');"));
  const template = 'const a = `first\n    second`;\n';
  assert.equal(stripGlue(template), template, 'a multi-line template literal keeps the glue as it is');
  const block = '/*\n  kept\n*/\nx();\n';
  assert.equal(stripGlue(block), block);
});
