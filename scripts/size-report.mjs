// Prints the raw, gzip and brotli sizes of what the browser fetches from dist/ (wasm, JS, CSS,
// HTML) and their total, and the wasm's code and data sections.
// Three figures, each with its own ceiling against regressions:
//   first paint     what the browser needs before it paints the first screen (the HTML with the
//                   build-time render, the CSS, the first-paint script)
//   first load      everything fetched on opening the app (wasm, JS, CSS, HTML, service worker)
//   first question  the first load plus the on-demand data the questionnaire waits for
//   --budget-kb N                 exit 1 when the first load exceeds N KB gzip
//   --first-paint-budget-kb N     exit 1 when the first paint exceeds N KB gzip
//   --first-question-budget-kb N  exit 1 when the bytes to the first question exceed N KB gzip
//   --target-kb N  print how far the bytes to the first question are from the product's target
//                  (never fails)
//   node scripts/size-report.mjs dist [--budget-kb 268] [--first-paint-budget-kb 10] [--first-question-budget-kb 333] [--target-kb 150]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, extname, relative } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const dir = process.argv[2] ?? 'dist';
const flag = (name) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : null;
};
const budgetKb = flag('--budget-kb');
const targetKb = flag('--target-kb');
const counted = new Set(['.wasm', '.js', '.css', '.html']);

function walk(path) {
  return statSync(path).isDirectory() ? readdirSync(path).flatMap((name) => walk(join(path, name))) : [path];
}

const kb = (bytes) => (bytes / 1024).toFixed(1).padStart(8);
const rows = walk(dir)
  .filter((file) => counted.has(extname(file)))
  .map((file) => {
    const body = readFileSync(file);
    return {
      name: relative(dir, file),
      raw: body.length,
      gzip: gzipSync(body, { level: 9 }).length,
      brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
  })
  .sort((a, b) => b.raw - a.raw);

if (rows.length === 0) {
  console.error(`no built files in ${dir}: run scripts/build.sh first`);
  process.exit(1);
}
const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
console.log(`${'file'.padEnd(44)}  raw KB  gzip KB  brotli KB`);
for (const r of [...rows, { name: 'TOTAL (first load)', ...total }]) {
  console.log(`${r.name.padEnd(44)}${kb(r.raw)}${kb(r.gzip)} ${kb(r.brotli)}`);
}
// The wasm's code and data sections, to see which one a change moved.
for (const r of rows.filter((r) => r.name.endsWith('.wasm'))) {
  const buf = readFileSync(join(dir, r.name));
  let p = 8;
  const leb = () => {
    let v = 0, shift = 0, b;
    do { b = buf[p++]; v |= (b & 0x7f) << shift; shift += 7; } while (b & 0x80);
    return v >>> 0;
  };
  while (p < buf.length) {
    const id = buf[p++];
    const len = leb();
    if (id === 10 || id === 11) {
      const body = buf.subarray(p, p + len);
      console.log(`  wasm ${id === 10 ? 'code' : 'data'} section${' '.repeat(27)}${kb(len)}${kb(gzipSync(body, { level: 9 }).length)}`);
    }
    p += len;
  }
}
// Data fetched only when a screen needs it (the question bank and action texts).
for (const file of walk(dir).filter((f) => extname(f) === '.json')) {
  const body = readFileSync(file);
  console.log(`on demand: ${relative(dir, file).padEnd(33)}${kb(body.length)}${kb(gzipSync(body, { level: 9 }).length)} ${kb(brotliCompressSync(body).length)}`);
}
const usedKb = total.gzip / 1024;
const gzipOf = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
// Before the first paint: index.html, the stylesheet and the first-paint script (the app's JS
// and wasm are fetched only after it, see scripts/postbuild.mjs).
const paintKb = rows.filter((r) => r.name === 'index.html' || /^(style|first-paint)-.*\.(css|js)$/.test(r.name)).reduce((t, r) => t + r.gzip, 0) / 1024;
const dataKb = walk(dir).filter((f) => extname(f) === '.json').reduce((t, f) => t + gzipOf(f), 0) / 1024;
const questionKb = usedKb + dataKb;
console.log(`first paint: ${paintKb.toFixed(1)} KB gzip (HTML with the first screen, CSS, first-paint script)`);
console.log(`first load: ${usedKb.toFixed(1)} KB gzip`);
console.log(`to the first question: ${questionKb.toFixed(1)} KB gzip (first load + question bank, action texts, labels)`);
if (targetKb !== null) {
  const gap = questionKb - targetKb;
  console.log(`size target: ${questionKb.toFixed(1)} KB gzip to the first question vs ${targetKb} KB target (${gap > 0 ? `${gap.toFixed(1)} KB over` : `${(-gap).toFixed(1)} KB under`})`);
}
let failed = false;
for (const [what, value, budget] of [
  ['first load', usedKb, budgetKb],
  ['first paint', paintKb, flag('--first-paint-budget-kb')],
  ['to the first question', questionKb, flag('--first-question-budget-kb')],
]) {
  if (budget === null) continue;
  const verdict = value <= budget ? 'within' : 'OVER';
  console.log(`size budget, ${what}: ${value.toFixed(1)} KB gzip of ${budget} KB (${verdict})`);
  if (value > budget) failed = true;
}
if (failed) process.exit(1);
