// Frame-regularity probe (a diagnostic, not part of the test command): runs the heaviest flow of
// the suite — a whole assessment, then full-page screenshots at two widths — in PARALLEL browsers
// (like Playwright's workers), while an init script records every animation frame of the page.
// Prints, for the binary given, each page's longest gap between two frames and a summary line.
// Playwright's actionability checks wait on animation frames, so long gaps are what turn a busy
// moment into a test that times out. Evidence and conclusions: tests/e2e/README.md ("Frames").
//
//   node tools/frame-probe.mjs <binary> [pages per browser=6] [browsers=2]
//   e.g. node tools/frame-probe.mjs /usr/bin/chromium-headless-shell 8 2
//        node tools/frame-probe.mjs /usr/bin/chromium 8 2        (Debian's wrapper: new headless mode)
// Needs a built dist/ and tests/e2e/.results/fixtures.json (scripts/test.sh writes both).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';

const [exe, perBrowser = '6', browsers = '2'] = process.argv.slice(2);
if (!exe) throw new Error('usage: node tools/frame-probe.mjs <chromium binary> [pages per browser] [browsers]');
const port = 4190;
const url = `http://127.0.0.1:${port}/`;
const fixtures = JSON.parse(readFileSync(new URL('../.results/fixtures.json', import.meta.url), 'utf8'));
const args = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function heartbeat() {
  window.__frames = { last: performance.now(), maxGap: 0, count: 0 };
  const tick = (t) => {
    const f = window.__frames;
    f.maxGap = Math.max(f.maxGap, t - f.last);
    f.last = t;
    f.count += 1;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

async function flow(page, scenario) {
  const wait = { timeout: 20_000 };
  await page.goto(url);
  await page.locator('[data-action="new-assessment"]').click(wait);
  await page.locator('[data-field="account-name"]').fill('Probe');
  await page.locator('[data-action="start"]').click(wait);
  for (const [k, section] of fixtures.sections.entries()) {
    for (const id of section.questions) if (id in scenario.answers) await page.locator(`#q-${id}-${scenario.answers[id]}`).check(wait);
    const last = k === fixtures.sections.length - 1;
    await page.locator(last ? '[data-action="finish"]' : '[data-action="next"]').click(wait);
  }
  await page.locator('[data-results]').waitFor(wait);
  await page.screenshot({ fullPage: true, ...wait });
  await page.setViewportSize({ width: 360, height: 800 });
  await page.screenshot({ fullPage: true, ...wait });
}

async function browserRun(index) {
  const browser = await chromium.launch({ executablePath: exe, args, headless: true });
  const rows = [];
  for (let i = 0; i < Number(perBrowser); i++) {
    const context = await browser.newContext();
    await context.addInitScript(heartbeat);
    const page = await context.newPage();
    const t0 = Date.now();
    let status = 'ok';
    try {
      await flow(page, fixtures.scenarios[i % fixtures.scenarios.length]);
    } catch (e) {
      status = `failed: ${e.message.split('\n')[0]}`;
    }
    const frames = await Promise.race([
      page.evaluate(() => ({ ...window.__frames, sinceLast: performance.now() - window.__frames.last })),
      new Promise((resolve) => setTimeout(() => resolve({ maxGap: Infinity, sinceLast: Infinity, count: 0 }), 5000)),
    ]);
    const row = { browser: index, page: i, ms: Date.now() - t0, status, maxGapMs: Math.round(frames.maxGap), frames: frames.count };
    console.log(JSON.stringify(row));
    rows.push(row);
    await context.close();
  }
  await browser.close();
  return rows;
}

const server = spawn(process.execPath, [new URL('../serve.mjs', import.meta.url).pathname, '--dir', new URL('../../../dist', import.meta.url).pathname, '--port', String(port)], { stdio: 'ignore' });
try {
  for (let i = 0; i < 50; i++) {
    if (await fetch(url).then((r) => r.ok, () => false)) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const rows = (await Promise.all(Array.from({ length: Number(browsers) }, (_, i) => browserRun(i)))).flat();
  const gaps = rows.map((r) => r.maxGapMs).sort((a, b) => a - b);
  const median = gaps[Math.floor(gaps.length / 2)];
  const failed = rows.filter((r) => r.status !== 'ok').length;
  console.log(`${exe}: ${rows.length} pages, ${failed} failed; longest frame gap per page: median ${median} ms, worst ${gaps.at(-1)} ms; over 1 s on ${gaps.filter((g) => g > 1000).length} pages; mean page ${Math.round(rows.reduce((n, r) => n + r.ms, 0) / rows.length)} ms`);
} finally {
  server.kill();
}
