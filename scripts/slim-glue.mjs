// Two byte savings on the first load that no tool here makes (scripts/postbuild.mjs applies them
// to the split build's main module and its glue; issue 14):
//
// 1. Short import names. wasm-bindgen names every JavaScript function the wasm imports
//    `__wbg_<name>_<16 hex digits>`, once as a key of the glue's imports object and once in the
//    wasm's import section. The hex digits barely compress (~190 imports: about 3 KB gzip across
//    the two files). Both sides are renamed to short names, and the wasm is checked by
//    compiling it: its imports must be exactly the renamed list.
// 2. A glue without indentation and whole-line comments (wasm-bindgen writes one comment per
//    closure cast). Only if every line is safe to trim: a line that could sit inside a
//    multi-line template literal or block comment leaves the glue as it is.

/** Reads an unsigned LEB128 at `at`: [value, next offset]. */
function leb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
}

/** Encodes an unsigned LEB128. */
function toLeb(value) {
  const out = [];
  do {
    let byte = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return Buffer.from(out);
}

/** The byte length of an import's description (kind and what follows) at `at`. */
function describe(bytes, at) {
  const start = at;
  const kind = bytes[at++];
  const limits = () => {
    const flags = bytes[at++];
    [, at] = leb(bytes, at);
    if (flags & 1) [, at] = leb(bytes, at);
  };
  if (kind === 0x00) [, at] = leb(bytes, at); // function: its type
  else if (kind === 0x01) (at++, limits()); // table: its element type, limits
  else if (kind === 0x02) limits(); // memory
  else if (kind === 0x03) at += 2; // global: value type, mutability
  else if (kind === 0x04) (at++, ([, at] = leb(bytes, at))); // tag: attribute, type
  else throw new Error(`slim-glue: unknown import kind ${kind}`);
  return at - start;
}

const name = (bytes, at) => {
  const [length, from] = leb(bytes, at);
  return [bytes.subarray(from, from + length).toString('utf8'), from + length];
};
const encodeName = (text) => {
  const utf8 = Buffer.from(text, 'utf8');
  return Buffer.concat([toLeb(utf8.length), utf8]);
};

/** A short name for the n-th import (`a`, `b`, … `a0`, …): never a hashed wasm-bindgen name. */
function shortName(n) {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  return n < 26 ? letters[n] : `${letters[n % 26]}${Math.floor(n / 26) - 1}`;
}

/**
 * Renames the hashed imports of `wasm` (a Buffer) and the matching keys of `glue` (its JS).
 * Returns `{ glue, wasm, renamed }`; throws when the two disagree, so a build never ships a
 * wasm whose imports the glue does not provide.
 */
export function shortenImports(glue, wasm) {
  const bytes = Buffer.from(wasm);
  let at = 8;
  const map = new Map();
  const parts = [bytes.subarray(0, 8)];
  while (at < bytes.length) {
    const id = bytes[at];
    const [size, body] = leb(bytes, at + 1);
    const end = body + size;
    if (id !== 2) {
      parts.push(bytes.subarray(at, end));
      at = end;
      continue;
    }
    let [count, p] = leb(bytes, body);
    const out = [toLeb(count)];
    while (count--) {
      let module, field;
      [module, p] = name(bytes, p);
      [field, p] = name(bytes, p);
      const length = describe(bytes, p);
      if (/^__wb[a-z]*_.+_[0-9a-f]{16}$/.test(field)) {
        if (!map.has(field)) map.set(field, shortName(map.size));
        field = map.get(field);
      }
      out.push(encodeName(module), encodeName(field), bytes.subarray(p, p + length));
      p += length;
    }
    if (p !== end) throw new Error('slim-glue: the import section does not end where its size says');
    const section = Buffer.concat(out);
    parts.push(Buffer.from([2]), toLeb(section.length), section);
    at = end;
  }
  let js = glue;
  for (const [long, short] of map) {
    const key = new RegExp(`(^|[\\s{,])${long}(\\s*:)`, 'gm');
    const found = js.match(key)?.length ?? 0;
    if (found !== 1) throw new Error(`slim-glue: the glue names ${long} ${found} times as an import, not once`);
    js = js.replace(key, `$1${short}$2`);
    if (js.includes(long)) throw new Error(`slim-glue: the glue still names ${long} elsewhere`);
  }
  const out = Buffer.concat(parts);
  const imports = WebAssembly.Module.imports(new WebAssembly.Module(out)).map((i) => i.name);
  const expected = WebAssembly.Module.imports(new WebAssembly.Module(bytes)).map((i) => map.get(i.name) ?? i.name);
  if (imports.join() !== expected.join()) throw new Error('slim-glue: the renamed wasm imports something else');
  return { glue: js, wasm: out, renamed: map.size };
}

/**
 * The glue without indentation, blank lines and whole-line `//` comments — or unchanged when a
 * line could be inside a multi-line template literal or block comment (trimming would change
 * a string).
 */
export function stripGlue(js) {
  const lines = js.split('\n');
  const unsafe = lines.some((line) => {
    const code = line.trimStart().startsWith('//') ? '' : line;
    return (code.split('`').length - 1) % 2 === 1 || code.includes('/*') || code.includes('*/');
  });
  if (unsafe) return js;
  return lines
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('//'))
    .join('\n')
    .concat('\n');
}
