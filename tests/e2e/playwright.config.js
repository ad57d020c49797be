// Playwright Test drives Debian's Chromium (/usr/bin/chromium); it never downloads a browser.
import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 4173);
/** A second server hosts the same build under a sub-path (and imitates deployments). */
export const subPathPort = port + 1;
export const subPath = '/tools/rapport/';
/** A third server plays a consultant's website that embeds Rapport (examples/embed.html). */
export const hostPort = port + 3;
/** A fourth serves the build with a CouchDB stand-in behind the same origin, as the recommended
 *  reverse proxy does (tests/sync/server.mjs, docs/SYNC.md); stopped by its PID with the run. */
export const syncPort = port + 4;

export default defineConfig({
  testDir: './specs',
  outputDir: './test-results',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  forbidOnly: true,
  reporter: [['list'], ['json', { outputFile: '.results/results.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    locale: 'en-US',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium-headless-shell',
      // Root needs --no-sandbox; the rest stop Chromium reaching for Google's hosts on a closed network.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: [
    {
      command: `node serve.mjs --dir ../../dist --port ${port}`,
      url: `http://127.0.0.1:${port}/`,
      reuseExistingServer: false,
      stdout: 'ignore',
    },
    {
      command: `node serve.mjs --dir ../../dist --port ${subPathPort} --base ${subPath}`,
      url: `http://127.0.0.1:${subPathPort}${subPath}`,
      reuseExistingServer: false,
      stdout: 'ignore',
    },
    {
      command: `node serve.mjs --dir ../../examples --port ${hostPort}`,
      url: `http://127.0.0.1:${hostPort}/embed.html`,
      reuseExistingServer: false,
      stdout: 'ignore',
    },
    {
      command: `node ../sync/server.mjs ${syncPort}`,
      env: { DIST: '../../dist' },
      url: `http://127.0.0.1:${syncPort}/`,
      reuseExistingServer: false,
      stdout: 'ignore',
    },
  ],
});
