import { test, expect, openApp } from '../fixtures.js';

const isData = (url) => /\/(bank|actions|labels)-[0-9a-f]+\.json$/.test(url);

// The page's own requests: the service worker may precache the data in the background after the
// first load (for offline use), which is not the page waiting for it.
test('a first visit loads only the app; the questions arrive when a screen needs them', async ({ page }) => {
  const fetched = [];
  page.on('request', (r) => isData(r.url()) && fetched.push(new URL(r.url()).pathname));
  await openApp(page);
  await page.waitForTimeout(500);
  expect(fetched, 'the empty home screen needs no question bank').toEqual([]);
  await page.locator('[data-action="new-assessment"]').click();
  await expect(page.locator('[data-action="start"]')).toBeEnabled();
  expect(fetched.map((p) => p.split('-')[0]).sort()).toEqual(['/actions', '/bank', '/labels']);
});

test.describe('when the network fails', () => {
  // The aborted fetch is logged by the browser; that one error is the point of this test.
  // No service worker here: it could answer from its cache, which is the offline test's subject.
  test.use({ expectedConsoleErrors: [/ERR_INTERNET_DISCONNECTED/], serviceWorkers: 'block' });

test('a failed load says so and can be retried without losing anything', async ({ page }) => {
  const dataFiles = (url) => isData(url.href);
  await page.route(dataFiles, (route) => route.abort('internetdisconnected'));
  await openApp(page);
  await page.locator('[data-action="new-assessment"]').click();
  await page.locator('[data-field="account-name"]').fill('Patience Ltd');
  const failure = page.locator('[data-data="failed"]');
  await expect(failure).toBeVisible();
  await expect(failure).toContainText('could not be loaded');
  await expect(page.locator('[data-action="start"]')).toBeDisabled();
  await page.unroute(dataFiles);
  await failure.getByRole('button', { name: 'Try again' }).click();
  await expect(page.locator('[data-action="start"]')).toBeEnabled();
  await expect(page.locator('[data-field="account-name"]')).toHaveValue('Patience Ltd');
  await page.locator('[data-action="start"]').click();
  await expect(page.locator('[data-screen="questionnaire"]')).toBeVisible();
});
});
