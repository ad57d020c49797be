// Trunk post-build hook (see Trunk.toml), run on the staging directory before it becomes dist/:
// 1. moves trunk's inline start-up module into a hashed file (with static/boot.js appended) so
//    the Content-Security-Policy can forbid inline scripts, and adds that policy;
// 2. gives the on-demand data files (question bank, action texts) content-hashed names and lists
//    them in <meta name="rapport-data"> for the app to fetch;
// 3. writes the service worker from static/sw.js with the list of every file to precache and a
//    version derived from their contents.
//   TRUNK_STAGING_DIR=dist node scripts/postbuild.mjs   (or: node scripts/postbuild.mjs DIR)
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
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

// The policy: only this origin; wasm compilation allowed; no inline script or style, no plugins.
export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const indexPath = join(dir, 'index.html');
let html = readFileSync(indexPath, 'utf8');
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
const data = [];
for (const kind of ['bank', 'actions', 'labels']) {
  const plain = join(dir, `${kind}.json`);
  if (!existsSync(plain)) continue;
  const body = readFileSync(plain);
  const name = `${kind}-${sha(body).slice(0, 16)}.json`;
  renameSync(plain, join(dir, name));
  data.push(`${kind}=${name}`);
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
console.log(`postbuild: boot script external, CSP set, service worker ${version} precaches ${assets.length} files`);
