// Prints the raw, gzip and brotli sizes of what the browser fetches from dist/ (wasm, JS, CSS,
// HTML) and their total. With --budget-kb N it exits 1 when the gzip total of the first load
// exceeds N KB, so the size target is enforced by the test command, not by a timed test.
//   node scripts/size-report.mjs dist [--budget-kb 150]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, extname, relative } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const dir = process.argv[2] ?? 'dist';
const budgetFlag = process.argv.indexOf('--budget-kb');
const budgetKb = budgetFlag > 0 ? Number(process.argv[budgetFlag + 1]) : null;
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
if (budgetKb !== null) {
  const used = total.gzip / 1024;
  const verdict = used <= budgetKb ? 'within' : 'OVER';
  console.log(`size budget: ${used.toFixed(1)} KB gzip of ${budgetKb} KB (${verdict})`);
  if (used > budgetKb) process.exit(1);
}
