// Builds the single-file edition: one self-contained HTML file with the wasm, JS and CSS inlined,
// that works when opened straight from disk (file://), e.g. as an email attachment, where
// browsers refuse to fetch a separate .wasm. Offline support (service worker) does not apply
// there and is left out; everything else is the same app.
//   node scripts/single-file.mjs [dist] [dist-single/rapport.html]
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const dist = process.argv[2] ?? 'dist';
const out = process.argv[3] ?? 'dist-single/rapport.html';
const files = readdirSync(dist);
const pick = (re, what) => {
  const name = files.find((f) => re.test(f));
  if (!name) {
    console.error(`single-file: no ${what} in ${dist}: run scripts/build.sh first`);
    process.exit(1);
  }
  return join(dist, name);
};

// dist/ holds the release build split in two (its glue imports the loader of the lazily loaded
// screens, which file:// cannot fetch); scripts/postbuild.mjs keeps Trunk's unsplit pair of the
// same build in target/unsplit/, and that is what a single file can carry.
const code = (() => {
  const glue = pick(/^rapport-[0-9a-f]+\.js$/, 'JS glue');
  if (!/^\s*import\s/m.test(readFileSync(glue, 'utf8'))) return { glue, wasm: pick(/_bg\.wasm$/, 'wasm') };
  const kept = new URL('../target/unsplit/', import.meta.url).pathname;
  const sw = readFileSync(join(dist, 'sw.js'), 'utf8');
  let manifest = null;
  try {
    manifest = JSON.parse(readFileSync(join(kept, 'manifest.json'), 'utf8'));
  } catch {
    // reported below
  }
  if (!manifest || !sw.includes(JSON.stringify(manifest.version))) {
    console.error(`single-file: ${dist} is split and target/unsplit/ does not hold the same build's unsplit code: run scripts/build.sh again`);
    process.exit(1);
  }
  return { glue: join(kept, manifest.glue), wasm: join(kept, manifest.wasm) };
})();
const glue = readFileSync(code.glue, 'utf8');
if (/^\s*import\s/m.test(glue)) {
  console.error('single-file: the JS glue imports other modules; inlining them is not supported');
  process.exit(1);
}
const wasm = readFileSync(code.wasm);
const css = readFileSync(pick(/^style-[0-9a-f]+\.css$/, 'stylesheet'), 'utf8');
const icon = readFileSync(join(dist, 'icon.svg'));

// The glue stays a module (its `export` line is harmless inline); the wasm comes from base64.
const script = `${glue}
const bytes = Uint8Array.from(atob(${JSON.stringify(wasm.toString('base64'))}), (c) => c.charCodeAt(0));
await __wbg_init({ module_or_path: bytes });
`;
const hash = (text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
// Strict even here: only this exact script and style may run, nothing may be fetched.
const csp = [
  "default-src 'none'",
  `script-src ${hash(script)} 'wasm-unsafe-eval'`,
  `style-src ${hash(css)}`,
  'img-src data:',
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const index = readFileSync(join(dist, 'index.html'), 'utf8');
// The data the hosted app fetches on demand travels inside the page as JSON blocks in <head>
// (the app renders into <body>; JSON blocks are never executed, so the CSP needs nothing for
// them). `<` is escaped so no text can end the block.
const listed = (index.match(/<meta name="rapport-data" content="([^"]*)">/) ?? [, ''])[1];
// Only the bilingual files, and the interface texts of every language: one file opened offline
// must switch language with nothing to fetch.
const dataBlocks = listed
  .split(/\s+/)
  .filter((pair) => pair && (!pair.split('=')[0].includes('.') || pair.startsWith('messages.')))
  .map((pair) => {
    const [kind, file] = pair.split('=');
    const json = readFileSync(join(dist, file), 'utf8').replace(/</g, '\\u003c');
    return `<script type="application/json" id="rapport-data-${kind.replace('.', '-')}">${json}</script>`;
  })
  .join('\n  ');
if (!dataBlocks) {
  console.error('single-file: no <meta name="rapport-data"> in index.html');
  process.exit(1);
}
const keep = (re) => (index.match(re) ?? [''])[0];
const html = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta http-equiv="Content-Security-Policy" content="${csp}">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  ${keep(/<title>[^<]*<\/title>/)}
  ${keep(/<meta name="description"[^>]*>/)}
  <link rel="icon" href="data:image/svg+xml;base64,${icon.toString('base64')}">
  <style>${css}</style>
  ${dataBlocks}
  <script type="module">${script}</script>
</head>
<body>
  ${keep(/<noscript>[\s\S]*?<\/noscript>/)}
</body>
</html>
`;
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, html);
console.log(`single-file: wrote ${out} (${(html.length / 1024).toFixed(0)} KB)`);
