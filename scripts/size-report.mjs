// Prints the raw, gzip and brotli sizes of what the browser fetches from dist/ (wasm, JS, CSS,
// HTML) and their total, and the wasm's code and data sections.
// Its figures, each with its own ceiling against regressions:
//   first paint     what the browser needs before it paints the first screen (the HTML with the
//                   build-time render, the CSS, the first-paint script)
//   first load      everything fetched on opening the app (wasm, JS, CSS, HTML, service worker,
//                   the interface texts of one language),
//                   the lazily loaded wasm modules apart
//   first question  the first load plus the on-demand data the questionnaire waits for
//   later screens   each wasm module loaded when a screen outside the first load is opened
//                   (split_later, chunk_*.wasm; src/ui/lazy.rs)
//   team sync       the module loaded only when sync is turned on or its settings opened
//                   (split_sync)
//   stored records  what a start with accounts stored fetches before it reads them: the
//                   records module and the chunks it imports (split_records; src/ui/lazy.rs,
//                   `Records`), from the service worker's cache on a returning visit
//   --budget-kb N                 exit 1 when the first load exceeds N KB gzip
//   --first-paint-budget-kb N     exit 1 when the first paint exceeds N KB gzip
//   --first-question-budget-kb N  exit 1 when the bytes to the first question exceed N KB gzip
//   --later-budget-kb N           exit 1 when the later screens' modules together exceed N KB gzip,
//                                 or when the build has none (the split has silently stopped)
//   --sync-budget-kb N            exit 1 when the team sync module exceeds N KB gzip, or is missing
//   --records-budget-kb N         exit 1 when the stored records' code exceeds N KB gzip, or is missing
//   --target-kb N  print how far the bytes to the first question are from the product's target
//                  (never fails)
//   node scripts/size-report.mjs dist [--budget-kb N] [--first-paint-budget-kb N] [--first-question-budget-kb N] [--later-budget-kb N] [--sync-budget-kb N] [--records-budget-kb N] [--target-kb 150]
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
// The lazily loaded modules, by the names wasm-split-cli gives them (hashed by postbuild.mjs).
const isLater = (name) => /^(split|chunk)_[\w]+-[0-9a-f]+\.wasm$/.test(name);
const later = rows.filter((r) => isLater(r.name));
const total = rows.filter((r) => !isLater(r.name)).reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
console.log(`${'file'.padEnd(44)}  raw KB  gzip KB  brotli KB`);
for (const r of [...rows.filter((r) => !isLater(r.name)), { name: 'TOTAL (first load)', ...total }, ...later.map((r) => ({ ...r, name: `later: ${r.name}` }))]) {
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
const codeKb = total.gzip / 1024;
const gzipOf = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
// Before the first paint: index.html, the stylesheet and the first-paint script (the app's JS
// and wasm are fetched only after it, see scripts/postbuild.mjs).
const paintKb = rows.filter((r) => r.name === 'index.html' || /^(style|first-paint)-.*\.(css|js)$/.test(r.name)).reduce((t, r) => t + r.gzip, 0) / 1024;
// The data: a copy per language (bank-en-….json) and a bilingual one (bank-….json), fetched only
// after a language switch. Before the first question: the visitor's bank; the labels and the
// action texts come with the later screens (src/ui/edge/data.rs, ensure_later_texts).
const dataFiles = walk(dir).filter((f) => extname(f) === '.json').map((f) => relative(dir, f));
const dataOf = (kind, lang) => dataFiles.filter((f) => new RegExp(`^${kind}-${lang ? `${lang}-` : ''}[0-9a-f]+\\.json$`).test(f));
const sumKb = (files) => files.reduce((t, f) => t + gzipOf(join(dir, f)), 0) / 1024;
// The app renders once the interface texts of the visitor's language are in: they are part of
// the first load, one language's.
const textsKb = (lang) => sumKb(dataOf('messages', lang));
const usedKb = codeKb + Math.max(textsKb('en'), textsKb('zh'));
const perLang = ['en', 'zh'].map((lang) => ({ lang, kb: codeKb + textsKb(lang) + sumKb(dataOf('bank', lang)) }));
const questionKb = Math.max(...perLang.map((p) => p.kb));
const switchKb = Math.max(textsKb('en'), textsKb('zh')) + sumKb([...dataOf('bank'), ...dataOf('labels'), ...dataOf('actions')]);
console.log(`first paint: ${paintKb.toFixed(1)} KB gzip (HTML with the first screen, CSS, first-paint script)`);
console.log(`first load: ${usedKb.toFixed(1)} KB gzip (the files above, ${codeKb.toFixed(1)}, and the interface texts of the heavier language: en ${textsKb('en').toFixed(1)}, zh ${textsKb('zh').toFixed(1)})`);
for (const p of perLang) console.log(`to the first question (${p.lang}): ${p.kb.toFixed(1)} KB gzip (the files above, the interface texts and the question bank in ${p.lang})`);
console.log(`to the first question: ${questionKb.toFixed(1)} KB gzip (the heavier language)`);
console.log(`after a language switch: ${switchKb.toFixed(1)} KB gzip (the other language's interface texts, the bilingual bank, labels and action texts)`);
if (targetKb !== null) {
  const gap = questionKb - targetKb;
  console.log(`size target: ${questionKb.toFixed(1)} KB gzip to the first question vs ${targetKb} KB target (${gap > 0 ? `${gap.toFixed(1)} KB over` : `${(-gap).toFixed(1)} KB under`})`);
}
const isSync = (r) => /^split_sync-/.test(r.name);
const isRecords = (r) => /^split_records-/.test(r.name);
const screens = later.filter((r) => !isSync(r) && !isRecords(r));
const laterTextsKb = (lang) => sumKb([...dataOf('actions', lang), ...dataOf('labels', lang)]);
const laterKb = screens.reduce((t, r) => t + r.gzip, 0) / 1024 + Math.max(laterTextsKb('en'), laterTextsKb('zh'));
for (const r of later.filter((r) => !isRecords(r))) console.log(`${isSync(r) ? 'team sync' : 'later screens'}: ${r.name} ${(r.gzip / 1024).toFixed(1)} KB gzip, fetched when first ${isSync(r) ? 'turned on or its settings opened' : 'opened'}`);
console.log(`later screens: ${laterKb.toFixed(1)} KB gzip (${screens.length} wasm module(s), the labels and the action texts in the heavier language)`);
const syncKb = later.filter(isSync).reduce((t, r) => t + r.gzip, 0) / 1024;
console.log(`team sync: ${syncKb.toFixed(1)} KB gzip on top of the later screens (its code shared with them is in a chunk counted there)`);
// The chunks the records module imports, as the split loader lists them: each
// `export const __wasm_split_load_<name> = …fetch(new URL("./<file>"…)…, [__chunk_4, …]))`
// (the only place a load's part names a chunk).
const loaderFile = rows.find((r) => /^split-loader-[0-9a-f]+\.js$/.test(r.name));
const loader = loaderFile ? readFileSync(join(dir, loaderFile.name), 'utf8') : '';
const recordsPart = loader.split('export const __wasm_split_load_').find((part) => part.startsWith('records ')) ?? '';
const recordsChunks = [...recordsPart.matchAll(/__(chunk_\d+)/g)].map((m) => m[1]);
const recordsRows = later.filter((r) => isRecords(r) || recordsChunks.some((c) => r.name.startsWith(`${c}-`)));
const recordsKb = recordsRows.reduce((t, r) => t + r.gzip, 0) / 1024;
console.log(`stored records: ${recordsKb.toFixed(1)} KB gzip fetched before a start with accounts stored reads them (${recordsRows.map((r) => r.name).join(', ') || 'no records module'})`);
let failed = false;
const recordsBudget = flag('--records-budget-kb');
if (recordsBudget !== null && !later.some(isRecords)) {
  console.log('size budget, stored records: no records module in this build (OVER: its split has stopped)');
  failed = true;
}
const syncBudget = flag('--sync-budget-kb');
if (syncBudget !== null && !later.some(isSync)) {
  console.log('size budget, team sync: no sync module in this build (OVER: its split has stopped)');
  failed = true;
}
const laterBudget = flag('--later-budget-kb');
if (laterBudget !== null && later.length === 0) {
  console.log('size budget, later screens: no lazily loaded module in this build (OVER: the split has stopped)');
  failed = true;
}
for (const [what, value, budget] of [
  ['first load', usedKb, budgetKb],
  ['first paint', paintKb, flag('--first-paint-budget-kb')],
  ['to the first question', questionKb, flag('--first-question-budget-kb')],
  ['later screens', laterKb, laterBudget],
  ['team sync', syncKb, syncBudget],
  ['stored records', recordsKb, recordsBudget],
]) {
  if (budget === null) continue;
  const verdict = value <= budget ? 'within' : 'OVER';
  console.log(`size budget, ${what}: ${value.toFixed(1)} KB gzip of ${budget} KB (${verdict})`);
  if (value > budget) failed = true;
}
if (failed) process.exit(1);
