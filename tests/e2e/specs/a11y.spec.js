// axe-core on every screen in both languages: zero violations allowed.
// One test per group of screens and language, each starting from stored data, so that no test
// walks the whole app in a row (see tests/e2e/README.md on timing).
import AxeBuilder from '@axe-core/playwright';
import { test, expect, openApp } from '../fixtures.js';
import { startAssessment, accountRecord, seedAccounts } from '../assess.js';

async function expectNoViolations(page, screen) {
  // Open every disclosure so the hidden content is checked too.
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
  const { violations } = await new AxeBuilder({ page }).analyze();
  const summary = violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
  expect(summary, `axe violations on ${screen}`).toEqual([]);
}

async function open(page, lang, records = [], path = './') {
  await openApp(page, path);
  if (records.length) await seedAccounts(page, records);
  if (lang) await page.getByRole('button', { name: lang.button }).click();
}

const history = () => [
  accountRecord('ax1', 'Axe Trend', ['all-worst', 'incumbent-b', 'all-best'], { tags: ['east'] }),
  accountRecord('ax2', 'Axe Other', ['dedicated-trucks']),
];

for (const lang of [{ id: 'en', button: 'English' }, { id: 'zh', button: '简体中文' }]) {
  test(`accessibility: home, start and questionnaire in ${lang.id}`, async ({ page }) => {
    await open(page, lang);
    await expectNoViolations(page, 'home (empty)');
    await page.locator('[data-action="new-assessment"]').click();
    await page.locator('[data-action="start"]').click();
    await expect(page.locator('.field-error')).toBeVisible();
    await expectNoViolations(page, 'start with an error');
    await page.locator('[data-field="account-name"]').fill('Axe Ltd');
    await page.locator('[data-action="start"]').click();
    await expect(page.locator('[data-screen="questionnaire"]')).toBeVisible();
    await expectNoViolations(page, 'questionnaire');
  });

  test(`accessibility: results, rules and home with an account in ${lang.id}`, async ({ page }) => {
    await open(page, lang, [accountRecord('ax1', 'Axe Ltd', ['incumbent-b'])]);
    await page.goto('./#/results/ax1/ax1-s0');
    await expect(page.locator('[data-results]')).toBeVisible();
    await expectNoViolations(page, 'results');
    await page.locator('.how a').first().click();
    await expect(page.locator('[data-screen="rules"]')).toBeVisible();
    await expectNoViolations(page, 'rules');
    await page.locator('a.brand').click();
    await expect(page.locator('.account-card')).toHaveCount(1);
    await expectNoViolations(page, 'home with an account');
  });

  test(`accessibility: account page and comparison in ${lang.id}`, async ({ page }) => {
    await open(page, lang, history());
    await page.goto('./#/account/ax1');
    await expect(page.locator('[data-screen="account"]')).toBeVisible();
    await page.locator('[data-action="edit-details"]').click();
    await expectNoViolations(page, 'account page with the details form');
    await page.locator('[data-action="compare-previous"]').first().click();
    await expect(page.locator('[data-screen="compare"]')).toBeVisible();
    await expectNoViolations(page, 'comparison');
  });

  test(`accessibility: portfolio, share link and shared results in ${lang.id}`, async ({ page }) => {
    await open(page, lang, history());
    await page.goto('./#/portfolio');
    await expect(page.locator('[data-portfolio] tbody tr')).toHaveCount(2);
    await expectNoViolations(page, 'portfolio');
    await page.goto('./#/results/ax1/ax1-s2');
    await page.locator('[data-action="share"]').click();
    await expectNoViolations(page, 'results with the share link');
    await page.goto(await page.locator('#share-link').inputValue());
    await expect(page.locator('[data-shared]')).toBeVisible();
    await expectNoViolations(page, 'shared results');
  });
}

test('accessibility: home and questionnaire in the dark theme', async ({ page }) => {
  await open(page, null, [], './?theme=dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expectNoViolations(page, 'home (dark)');
  await startAssessment(page, 'Dark Ltd');
  await expectNoViolations(page, 'questionnaire (dark)');
});

test('accessibility: results in the dark theme', async ({ page }) => {
  await open(page, null, [accountRecord('dk1', 'Dark Ltd', ['all-worst'])], './?theme=dark');
  await page.goto('./?theme=dark#/results/dk1/dk1-s0');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('[data-results]')).toBeVisible();
  await expectNoViolations(page, 'results (dark)');
});
