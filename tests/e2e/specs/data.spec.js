import AxeBuilder from '@axe-core/playwright';
import { test, expect, openApp } from '../fixtures.js';
import { accountRecord, seedAccounts, expectStartFailed, storageSnapshot } from '../assess.js';

const isData = (url) => /\/(bank|actions|labels)-(?:(?:en|zh)-)?[0-9a-f]+\.json$/.test(url);

// The page's own requests: the service worker may precache the data in the background after the
// first load (for offline use), which is not the page waiting for it.
test('a first visit loads only the app; the questions arrive when a screen needs them', async ({ page }) => {
  const fetched = [];
  page.on('request', (r) => isData(r.url()) && fetched.push(new URL(r.url()).pathname));
  await openApp(page);
  await page.waitForTimeout(500);
  expect(fetched, 'the empty home screen needs no question bank').toEqual([]);
  await page.locator('[data-action="new-assessment"]').click();
  await expect(page.locator('[data-screen="start"]')).toBeVisible();
  await expect(page.locator('.data-pending')).toHaveCount(0);
  // In the visitor's language only; the labels and the action texts come later, with the screens
  // that show results (lazy.spec.js).
  expect(fetched.map((p) => p.replace(/-[0-9a-f]+\.json$/, '')).sort()).toEqual(['/bank-en']);
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
  // Submitting now is kept, not refused: the assessment opens once the retry succeeds.
  await page.locator('[data-action="start"]').click();
  await expect(failure).toBeVisible();
  await expect(page.locator('[data-screen="start"]')).toBeVisible();
  await expect(page.locator('[data-field="account-name"]')).toHaveValue('Patience Ltd');
  await page.unroute(dataFiles);
  await failure.getByRole('button', { name: 'Try again' }).click();
  await expect(page.locator('[data-screen="questionnaire"]')).toBeVisible();
  await expect(page.locator('[data-screen="questionnaire"]')).toContainText('Patience Ltd');
});
});

/** Holds every data request until the returned function is called. */
async function holdData(page) {
  let release;
  const released = new Promise((resolve) => { release = resolve; });
  await page.route((url) => isData(url.href), async (route) => { await released; await route.continue(); });
  return release;
}

test.describe('while the questions are slow to arrive', () => {
  // Routes see only the page's own fetches: a service worker could answer them from its cache.
  test.use({ serviceWorkers: 'block' });

test('a start submitted while the questions are still loading opens the assessment when they arrive', async ({ page }) => {
  const release = await holdData(page);
  await openApp(page);
  await page.locator('[data-action="new-assessment"]').click();
  await page.locator('[data-field="account-name"]').fill('Quick Typist Co');
  await page.keyboard.press('Enter');
  const status = page.locator('[data-data="loading"]');
  await expect(status).toHaveText(/opens as soon as they are ready/);
  await expect(page.locator('[data-action="start"]')).toHaveAttribute('aria-busy', 'true');
  await expect(page.locator('[data-screen="start"]')).toBeVisible();
  release();
  await expect(page.locator('[data-screen="questionnaire"]')).toBeVisible();
  await expect(page.locator('[data-screen="questionnaire"]')).toContainText('Quick Typist Co');
});

test('re-assessing while the questions are still loading opens the new draft when they arrive', async ({ page }) => {
  await openApp(page);
  const release = await holdData(page);
  await seedAccounts(page, [accountRecord('slow1', 'Slow Network GmbH', ['incumbent-b'])]);
  await page.locator('[data-account="slow1"] [data-action="reassess"]').click();
  await expect(page.locator('[data-data="loading"]')).toHaveText(/opens as soon as they are ready/);
  await expect(page.locator('[data-screen="accounts"]')).toBeVisible();
  release();
  await expect(page.locator('[data-screen="questionnaire"]')).toBeVisible();
  await expect(page.locator('[data-screen="questionnaire"]')).toContainText('Slow Network GmbH');
});

test('an empty name is refused at once, even while the questions load', async ({ page }) => {
  const release = await holdData(page);
  await openApp(page);
  await page.locator('[data-action="new-assessment"]').click();
  await page.locator('[data-action="start"]').click();
  await expect(page.locator('#account-name-error')).toBeVisible();
  await expect(page.locator('[data-field="account-name"]')).toBeFocused();
  release();
  await expect(page.locator('.data-pending')).toHaveCount(0);
  await expect(page.locator('[data-screen="start"]')).toBeVisible();
});
});

test.describe('data in the visitor\'s language', () => {
  test.use({ serviceWorkers: 'block' });

test('switching language mid-assessment fetches both languages and never shows a blank', async ({ page }) => {
  const fetched = [];
  page.on('request', (r) => isData(r.url()) && fetched.push(new URL(r.url()).pathname.replace(/-[0-9a-f]+\.json$/, '')));
  await openApp(page);
  await page.locator('[data-action="new-assessment"]').click();
  await page.locator('[data-field="account-name"]').fill('Bilingual GmbH');
  await page.locator('[data-action="start"]').click();
  const prompt = page.locator('.section-body legend').first();
  await expect(prompt).toHaveText(/[A-Za-z]{3}/);
  const english = await prompt.textContent();
  expect(fetched.sort(), 'the questionnaire shows no label').toEqual(['/bank-en']);
  await page.locator('.lang-switch [data-lang="zh"]').click();
  // The same question, in Chinese: the bilingual files replace the English copy.
  await expect(prompt).toHaveText(/[\u4e00-\u9fff]{2}/);
  expect(await prompt.textContent()).not.toEqual(english);
  expect(fetched.sort()).toEqual(['/bank', '/bank-en']);
  // Back to English needs nothing more, and the answers given stay.
  await page.locator('.lang-switch [data-lang="en"]').click();
  await expect(prompt).toHaveText(english);
  expect(fetched).toHaveLength(2);
});
});

test.describe('interface texts', () => {
  // The page's own fetches: a service worker could answer them from its cache.
  test.use({ serviceWorkers: 'block' });
  const isTexts = (url) => /\/messages-(en|zh)-[0-9a-f]+\.json$/.test(url);
  const track = (page) => {
    const fetched = [];
    page.on('request', (r) => isTexts(r.url()) && fetched.push(new URL(r.url()).pathname.replace(/-[0-9a-f]+\.json$/, '')));
    return fetched;
  };

  for (const lang of ['en', 'zh']) {
    test(`a first visit fetches its own language's interface texts once, and the other's only on a switch (${lang})`, async ({ page }) => {
      const fetched = track(page);
      await openApp(page, `./?lang=${lang}`);
      const other = lang === 'en' ? 'zh' : 'en';
      const button = page.locator('[data-action="new-assessment"]');
      await expect(button).toHaveText(lang === 'en' ? /New assessment/ : /新建评估/);
      await page.waitForTimeout(300);
      // The fetch the first paint started is the one the app used: one request, not two.
      expect(fetched).toEqual([`/messages-${lang}`]);
      await page.locator(`.lang-switch [data-lang="${other}"]`).click();
      await expect(button).toHaveText(other === 'en' ? /New assessment/ : /新建评估/);
      await expect(page.locator('html')).toHaveAttribute('lang', other === 'en' ? 'en' : 'zh-CN');
      await page.locator(`.lang-switch [data-lang="${lang}"]`).click();
      await expect(button).toHaveText(lang === 'en' ? /New assessment/ : /新建评估/);
      expect(fetched.sort()).toEqual(['/messages-en', '/messages-zh']);
    });
  }

  test.describe('when they cannot be fetched', () => {
    test.use({ expectedConsoleErrors: [/ERR_INTERNET_DISCONNECTED/] });

    test('a switch to a language whose texts cannot be fetched keeps the screen and says why', async ({ page }) => {
      await openApp(page);
      const blocked = (url) => /\/messages-zh-/.test(url.href);
      await page.route(blocked, (route) => route.abort('internetdisconnected'));
      await page.locator('.lang-switch [data-lang="zh"]').click();
      const notice = page.locator('[data-notice="language-unavailable"]');
      await expect(notice).toContainText('中文 could not be loaded');
      await expect(notice).toContainText('stays in English');
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      await expect(page.locator('.lang-switch [data-lang="en"]')).toHaveAttribute('aria-pressed', 'true');
      await expect(page.locator('[data-action="new-assessment"]')).toHaveText(/New assessment/);
      const { violations } = await new AxeBuilder({ page }).analyze();
      expect(violations.map((v) => v.id), 'axe with the notice').toEqual([]);
      await page.unroute(blocked);
      await page.locator('.lang-switch [data-lang="zh"]').click();
      await expect(page.locator('[data-action="new-assessment"]')).toHaveText(/新建评估/);
      await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    });

    for (const lang of ['en', 'zh']) {
      test(`a start whose interface texts cannot be fetched says so, touches nothing and starts on reload (${lang})`, async ({ page }) => {
        await openApp(page, `./?lang=${lang}`);
        await page.evaluate(() => localStorage.setItem('rapport.v1.settings', '{"lang":null}'));
        const before = await storageSnapshot(page);
        const blocked = (url) => isTexts(url.href);
        await page.route(blocked, (route) => route.abort('internetdisconnected'));
        await page.reload();
        const failure = await expectStartFailed(page, lang, before);
        await page.unroute(blocked);
        await failure.locator('[data-action="reload"]').click();
        await expect(page.locator('[data-action="new-assessment"]')).toHaveText(lang === 'en' ? /New assessment/ : /新建评估/);
      });
    }
  });
});
