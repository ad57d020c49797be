// Measures a new member's first pull of a large team in headless Chromium, against the CouchDB
// stand-in (tests/sync/server.mjs): time, bytes, what ends up in localStorage, and what happens
// at the browser's quota. Figures to read, not a test. Needs a built dist/ and the team's
// documents, which the sync benchmark writes:
//   RAPPORT_TEAM_DOCS=/tmp/team.json cargo bench --bench sync
//   node scripts/measure-team-pull.mjs /tmp/team.json
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(new URL('../tests/e2e/package.json', import.meta.url));
const { chromium } = require('playwright-core');
const docs = JSON.parse(readFileSync(process.argv[2] ?? '/tmp/team.json', 'utf8'));
const port = Number(process.env.PORT ?? 4395);
const base = `http://127.0.0.1:${port}`;
const server = spawn(process.execPath, ['tests/sync/server.mjs', String(port)], { env: { ...process.env, DIST: 'dist' }, stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise((resolve) => server.stdout.on('data', (d) => String(d).includes('READY') && resolve()));
try {
  // Ana's devices shared the team: her documents, written as her.
  const ana = 'Basic ' + Buffer.from('ana:anapw').toString('base64');
  for (let i = 0; i < docs.length; i += 500) {
    const res = await fetch(`${base}/couch/rapport-team/_bulk_docs`, {
      method: 'POST',
      headers: { Authorization: ana, 'Content-Type': 'application/json' },
      body: JSON.stringify({ docs: docs.slice(i, i + 500) }),
    });
    const refused = (await res.json()).filter((r) => r.error);
    if (res.status >= 300 || refused.length) throw new Error(`seeding: ${res.status} ${JSON.stringify(refused.slice(0, 2))}`);
  }
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium-headless-shell', args: ['--no-sandbox'] });
  const page = await browser.newPage();
  let received = 0;
  let requests = 0;
  page.on('response', async (r) => {
    if (!r.url().includes('/couch/')) return;
    requests += 1;
    received += (await r.body().catch(() => Buffer.alloc(0))).length;
  });
  await page.goto(`${base}/#/sync`);
  await page.locator('html[data-app="running"]').waitFor();
  await page.locator('[data-field="sync-url"]').fill('/couch/rapport-team/');
  await page.locator('[data-field="sync-user"]').fill('ben');
  await page.locator('[data-field="sync-password"]').fill('benpw');
  const t0 = Date.now();
  await page.locator('[data-action="sync-on"]').click();
  const status = page.locator('[data-sync-status]').first();
  await page.waitForFunction(() => ['synced', 'error', 'paused'].includes(document.querySelector('[data-sync-status]')?.dataset.syncStatus), null, { timeout: 300_000 });
  const ms = Date.now() - t0;
  const stored = await page.evaluate(() => {
    const keys = Object.keys(localStorage);
    return {
      accounts: keys.filter((k) => k.startsWith('rapport.v1.account.')).length,
      chars: keys.reduce((n, k) => n + k.length + localStorage.getItem(k).length, 0),
      state: (localStorage.getItem('rapport.v1.sync.state') ?? '').length,
    };
  });
  console.log(`team pull in Chromium: ${docs.length} documents; status ${await status.getAttribute('data-sync-status')} after ${(ms / 1000).toFixed(1)} s`);
  console.log(`  ${requests} requests, ${(received / 1e6).toFixed(1)} MB received`);
  console.log(`  localStorage: ${stored.accounts} accounts, ${(stored.chars / 1e6).toFixed(2)} M characters in all, sync state ${(stored.state / 1e6).toFixed(2)} M`);
  console.log(`  status text: ${await status.innerText()}`);
  await browser.close();
} finally {
  server.kill('SIGTERM');
}
