// Shared test fixtures: every page fails its test on an uncaught error, a console error,
// or a request to any origin other than the app's own (and, for the team-sync test of a build
// with a fixed sync origin, that one origin: `allowedOrigins`).
import { test as base, expect } from '@playwright/test';

export const test = base.extend({
  /** Console errors a test provokes on purpose (regular expressions); everything else fails it. */
  expectedConsoleErrors: [[], { option: true }],
  /** Origins besides the app's that a test's build is configured to reach. */
  allowedOrigins: [[], { option: true }],
  page: async ({ page, baseURL, expectedConsoleErrors, allowedOrigins }, use, testInfo) => {
    const problems = [];
    const origin = new URL(baseURL).origin;
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error' && !expectedConsoleErrors.some((re) => re.test(msg.text()))) {
        problems.push(`console error: ${msg.text()}`);
      }
    });
    page.on('request', (req) => {
      const url = new URL(req.url());
      if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== origin && !allowedOrigins.includes(url.origin)) {
        problems.push(`request to another origin: ${req.url()}`);
      }
    });
    await use(page);
    if (testInfo.status !== testInfo.expectedStatus) await reportRendering(page);
    expect(problems, 'no errors and no foreign requests').toEqual([]);
  },
});

export { expect };

/**
 * After a failure, says whether the page was still producing frames. Playwright's actionability
 * checks wait on requestAnimationFrame, so a renderer that stops compositing (a rare headless
 * Chromium fault seen once on CI) looks like "waiting for element to be visible, enabled and
 * stable" until the timeout; this line tells that apart from an app that never rendered.
 */
async function reportRendering(page) {
  const probe = () =>
    new Promise((resolve) => {
      const timer = setTimeout(() => resolve({ frames: false, visibility: document.visibilityState }), 2000);
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          clearTimeout(timer);
          resolve({ frames: true, visibility: document.visibilityState });
        }),
      );
    });
  const state = await Promise.race([
    page.evaluate(probe).catch((e) => ({ error: e.message })),
    new Promise((resolve) => setTimeout(() => resolve({ error: 'page did not answer in 5 s' }), 5000)),
  ]);
  console.log(`[rendering after failure] ${JSON.stringify(state)}`);
}

/** The app's own header: the build-time render of the first screen has one too, so this
 *  waits for the mark the app sets once it runs (`<html data-app="running">`). */
export const APP_HEADER = 'html[data-app="running"] header.site-header';

/** Loads the app and waits until Yew has rendered the shell. */
export async function openApp(page, path = './') {
  await page.goto(path);
  await expect(page.locator(APP_HEADER)).toBeVisible();
}
