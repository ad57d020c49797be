// Shared test fixtures: every page fails its test on an uncaught error, a console error,
// or a request to any origin other than the app's own.
import { test as base, expect } from '@playwright/test';

export const test = base.extend({
  /** Console errors a test provokes on purpose (regular expressions); everything else fails it. */
  expectedConsoleErrors: [[], { option: true }],
  page: async ({ page, baseURL, expectedConsoleErrors }, use) => {
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
      if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== origin) {
        problems.push(`request to another origin: ${req.url()}`);
      }
    });
    await use(page);
    expect(problems, 'no errors and no foreign requests').toEqual([]);
  },
});

export { expect };

/** Loads the app and waits until Yew has rendered the shell. */
export async function openApp(page, path = './') {
  await page.goto(path);
  await expect(page.locator('header.site-header')).toBeVisible();
}
