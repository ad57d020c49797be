// Trunk post-build hook (see Trunk.toml), run on the staging directory before it becomes dist/:
// 1. moves trunk's inline start-up module into a hashed file (with static/boot.js appended) so
//    the Content-Security-Policy can forbid inline scripts, and adds that policy;
// 2. gives the on-demand data files (interface texts, question bank, action texts, labels,
//    customer questionnaire) content-hashed names,
//    writes a copy of each per language, and lists them in <meta name="rapport-data"> for the
//    app to fetch;
// 3. writes the service worker from static/sw.js with the list of every file to precache and a
//    version derived from their contents;
// 0. before all that, when scripts/build.sh has split the wasm (RAPPORT_SPLIT_OUT, see split_app
//    in scripts/env.sh), puts the split build in place of Trunk's unsplit one, every file
//    content-hashed, and keeps Trunk's pair in target/unsplit/ for the single-file edition.
//   TRUNK_STAGING_DIR=dist node scripts/postbuild.mjs   (or: node scripts/postbuild.mjs DIR)
import { csp } from './csp.mjs';
import { shortenImports, stripGlue } from './slim-glue.mjs';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) {
  console.error('postbuild: no directory (set TRUNK_STAGING_DIR or pass one)');
  process.exit(2);
}
const root = new URL('..', import.meta.url).pathname;
const sha = (data) => createHash('sha256').update(data).digest('hex');

// With the first screen in the HTML, the app's code is fetched once that screen has been
// painted, not before: the wasm is a quarter of a megabyte, and a page still fetching it when
// its content is painted is one whose largest paint a throttled network (and Lighthouse's
// model of one) dates after the wasm. Trunk's start-up module is rewritten to a dynamic import
// after two animation frames (or 200 ms, for a page opened in the background); its preloads go.
function afterFirstPaint(start) {
  const imported = start.match(/^import init, \* as bindings from '(\.\/[^']+\.js)';$/m);
  const initialised = start.match(/^const wasm = await init\((\{[^\n]*\})\);$/m);
  if (!imported || !initialised) {
    console.error("postbuild: trunk's start-up module has changed shape; update afterFirstPaint()");
    process.exit(1);
  }
  return start
    .replace(
      imported[0],
      [
        'await new Promise((painted) => {',
        '  setTimeout(painted, 200);',
        '  requestAnimationFrame(() => requestAnimationFrame(painted));',
        '});',
        `const bindings = await import('${imported[1]}');`,
        'const init = bindings.default;',
      ].join('\n'),
    )
    .replace(initialised[0], `const wasm = await init(${initialised[1]});`);
}

// The policy (scripts/csp.mjs), with the team database's origin if one is fixed at build time.
export const CSP = csp(process.env.RAPPORT_SYNC_ORIGIN || '');

const indexPath = join(dir, 'index.html');
let html = readFileSync(indexPath, 'utf8');

// 0. The split build. The loader (__wasm_split.js) imports the glue and the glue imports the
//    loader, so their names are settled in an order without a cycle: the lazily loaded modules
//    first, then the loader (hashed before it names the glue), then the glue, whose name goes
//    back into the loader.
const splitOut = process.env.RAPPORT_SPLIT_OUT;
let unsplit = null;
if (splitOut) {
  const trunkGlue = readdirSync(dir).find((f) => /^rapport-[0-9a-f]+\.js$/.test(f));
  const trunkWasm = readdirSync(dir).find((f) => /^rapport-[0-9a-f]+_bg\.wasm$/.test(f));
  if (!trunkGlue || !trunkWasm) {
    console.error("postbuild: Trunk's glue and wasm are missing from the staging directory");
    process.exit(1);
  }
  const keep = join(root, 'target/unsplit');
  rmSync(keep, { recursive: true, force: true });
  mkdirSync(keep, { recursive: true });
  renameSync(join(dir, trunkGlue), join(keep, trunkGlue));
  renameSync(join(dir, trunkWasm), join(keep, trunkWasm));
  unsplit = { glue: trunkGlue, wasm: trunkWasm };

  // Each rename is checked: a build whose JS no longer names a file as expected must fail here,
  // not load a missing module in the browser.
  const named = (what, text, pattern, to) => {
    if (!pattern.test(text)) {
      console.error(`postbuild: the split build's ${what} has changed shape; update postbuild.mjs`);
      process.exit(1);
    }
    return text.replace(pattern, to);
  };
  const escaped = (name) => name.replace(/[.]/g, '\\.');
  // A quoted file name, with or without "./" (the glue's default wasm URL has none).
  const fileName = (name) => new RegExp(`(['"])(\\./)?${escaped(name)}\\1`, 'g');
  // Only import statements: the imports object handed to the wasm keeps the module name the
  // wasm itself asks for ("./__wasm_split.js").
  // Every import statement: the glue has one per split point.
  const importOf = (name) => new RegExp(`(\\bfrom\\s*)(['"])\\./${escaped(name)}\\2`, 'g');
  const read = (name) => readFileSync(join(splitOut, name), 'utf8');
  // A load the browser cancels because the page is going away (a reload mid-fetch: Firefox says
  // AbortError) is not a failure to report; a real one (offline, a missing file) still is, and
  // the Rust side gets it either way.
  let loader = named(
    'loader (quiet about loads cancelled by leaving the page)',
    read('__wasm_split.js'),
    /console\.error\(e\);/,
    "if (!(e && e.name === 'AbortError')) console.error(e);",
  );
  for (const module of readdirSync(splitOut).filter((f) => f.endsWith('.wasm') && f !== 'main_bg.wasm')) {
    const body = readFileSync(join(splitOut, module));
    const name = `${module.replace(/\.wasm$/, '')}-${sha(body).slice(0, 16)}.wasm`;
    writeFileSync(join(dir, name), body);
    loader = named(`loader (${module})`, loader, fileName(module), `$1$2${name}$1`);
  }
  const loaderName = `split-loader-${sha(loader).slice(0, 16)}.js`;
  // Short import names on both sides, and a glue without indentation (scripts/slim-glue.mjs).
  const slim = shortenImports(read('main.js'), readFileSync(join(splitOut, 'main_bg.wasm')));
  const mainWasm = slim.wasm;
  const wasmName = `rapport-${sha(mainWasm).slice(0, 16)}_bg.wasm`;
  writeFileSync(join(dir, wasmName), mainWasm);
  let glue = named('glue (its loader import)', stripGlue(slim.glue), importOf('__wasm_split.js'), `$1$2./${loaderName}$2`);
  glue = named('glue (its wasm)', glue, fileName('main_bg.wasm'), `$1$2${wasmName}$1`);
  const glueName = `rapport-${sha(glue).slice(0, 16)}.js`;
  writeFileSync(join(dir, glueName), glue);
  writeFileSync(join(dir, loaderName), named('loader (its glue import)', loader, importOf('main.js'), `$1$2./${glueName}$2`));
  // The start-up module and the preloads named Trunk's pair; the preloads' integrity hashes were
  // Trunk's, so they go (the first-paint path removes them anyway).
  html = html.replace(/\s*<link rel="(?:modulepreload|preload)" href="\.\/rapport-[^"]*"[^>]*>/g, '');
  html = html.split(trunkGlue).join(glueName).split(trunkWasm).join(wasmName);
  if (html.includes(trunkGlue) || !html.includes(glueName)) {
    console.error("postbuild: trunk's start-up module does not name its glue; update postbuild.mjs");
    process.exit(1);
  }
}
const inline = html.match(/<script type="module">([\s\S]*?)<\/script>/);
const willPrerender = ['en', 'zh'].every((lang) => existsSync(join(root, 'target/prerender', `${lang}.html`)));
if (inline) {
  let start = inline[1].trim();
  if (willPrerender) start = afterFirstPaint(start);
  const boot = `${start}\n\n${readFileSync(join(root, 'static/boot.js'), 'utf8')}`;
  const name = `boot-${sha(boot).slice(0, 16)}.js`;
  writeFileSync(join(dir, name), boot);
  html = html.replace(inline[0], `<script type="module" src="./${name}"></script>`);
} else if (!/<script type="module" src="\.\/boot-/.test(html)) {
  console.error('postbuild: no start-up script found in index.html');
  process.exit(1);
}
// Each data set is written bilingual and once per language with the other language's strings
// left out (every {"en": …, "zh": …} object keeps one key): a visitor first fetches their own
// language only, and the bilingual file after switching (src/ui/edge/data.rs).
const LANGS = ['en', 'zh'];
const onlyLang = (value, lang) => {
  if (Array.isArray(value)) return value.map((v) => onlyLang(v, lang));
  if (value === null || typeof value !== 'object') return value;
  const keys = Object.keys(value).sort();
  if (keys.join() === LANGS.join()) return { [lang]: value[lang] };
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, onlyLang(v, lang)]));
};
const data = [];
// The interface texts (src/engine/text/i18n.rs): one flat array of strings per language, in the
// file's key order (which a host test holds to the order of the fields that read them), and no
// bilingual copy, as a switch fetches the other language's array.
{
  const plain = join(dir, 'messages.json');
  if (existsSync(plain)) {
    const parsed = JSON.parse(readFileSync(plain, 'utf8'));
    rmSync(plain);
    for (const lang of LANGS) {
      const body = JSON.stringify(Object.values(parsed).flatMap((texts) => texts[lang]));
      const name = `messages-${lang}-${sha(body).slice(0, 16)}.json`;
      writeFileSync(join(dir, name), body);
      data.push(`messages.${lang}=${name}`);
    }
  }
}
for (const kind of ['bank', 'actions', 'labels', 'customer']) {
  const plain = join(dir, `${kind}.json`);
  if (!existsSync(plain)) continue;
  const parsed = JSON.parse(readFileSync(plain, 'utf8'));
  rmSync(plain);
  // Indented in the repository for review; a visitor needs no whitespace (1.3 KB gzip).
  const copies = [[kind, kind, parsed], ...LANGS.map((lang) => [`${kind}.${lang}`, `${kind}-${lang}`, onlyLang(parsed, lang)])];
  for (const [key, stem, value] of copies) {
    const body = JSON.stringify(value);
    const name = `${stem}-${sha(body).slice(0, 16)}.json`;
    writeFileSync(join(dir, name), body);
    data.push(`${key}=${name}`);
  }
}
if (data.length) {
  html = html.replace(/\s*<meta name="rapport-data"[^>]*>/, '');
  html = html.replace('<meta charset="utf-8">', `<meta charset="utf-8">\n  <meta name="rapport-data" content="${data.join(' ')}">`);
}
// 4. The first screen rendered at build time by the app's own components (examples/prerender.rs,
//    run by scripts/build.sh into target/prerender/): English in the page, Chinese in a template,
//    and static/first-paint.js to pick one while the wasm loads.
const prerendered = Object.fromEntries(
  ['en', 'zh'].map((lang) => [lang, join(root, 'target/prerender', `${lang}.html`)]).filter(([, f]) => existsSync(f)).map(([l, f]) => [l, readFileSync(f, 'utf8')]),
);
if (willPrerender && prerendered.en && prerendered.zh && !html.includes('id="prerender"')) {
  html = html.replace(/\s*<link rel="(?:modulepreload|preload)" href="\.\/rapport-[^"]*"[^>]*>/g, '');
  // Its whole-line comments explain it to readers of the source, not to every visitor.
  const paint = readFileSync(join(root, 'static/first-paint.js'), 'utf8')
    .split('\n')
    .filter((line) => !/^\s*(\/\/.*)?$/.test(line))
    .join('\n');
  const paintName = `first-paint-${sha(paint).slice(0, 16)}.js`;
  writeFileSync(join(dir, paintName), paint);
  html = html.replace(
    '<body>',
    `<body>\n<div id="prerender" data-prerender-lang="en" lang="en">${prerendered.en}</div>` +
      `<template id="prerender-zh">${prerendered.zh}</template>` +
      `<script src="./${paintName}"></script>`,
  );
} else if (!html.includes('id="prerender"')) {
  console.warn('postbuild: no prerendered first screen in target/prerender/ (scripts/build.sh renders it); the page starts empty');
}
if (!html.includes('Content-Security-Policy')) {
  html = html.replace('<meta charset="utf-8">', `<meta charset="utf-8">\n  <meta http-equiv="Content-Security-Policy" content="${CSP}">`);
}
writeFileSync(indexPath, html);

const walk = (path) => (statSync(path).isDirectory() ? readdirSync(path).flatMap((n) => walk(join(path, n))) : [path]);
const files = walk(dir)
  .map((f) => relative(dir, f).split('\\').join('/'))
  .filter((f) => f !== 'sw.js' && !f.startsWith('.'))
  .sort();
const version = sha(files.map((f) => `${f}:${sha(readFileSync(join(dir, f)))}`).join('\n')).slice(0, 16);
const assets = ['./', ...files.filter((f) => f !== 'index.html')];
const sw = readFileSync(join(root, 'static/sw.js'), 'utf8')
  .replace("'__VERSION__'", JSON.stringify(version))
  .replace('__ASSETS__', JSON.stringify(assets));
writeFileSync(join(dir, 'sw.js'), sw);
// The single-file edition inlines one module; it takes Trunk's unsplit pair, and checks it was
// kept by the build that wrote this dist/.
if (unsplit) writeFileSync(join(root, 'target/unsplit/manifest.json'), JSON.stringify({ version, ...unsplit }));
console.log(`postbuild: boot script external, CSP set, service worker ${version} precaches ${assets.length} files`);
