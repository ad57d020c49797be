// axe-core on every screen in both languages: zero violations allowed.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, openApp } from '../fixtures.js';
import { scenario, startAssessment, answerAll, accountRecord, seedAccounts } from '../assess.js';

async function expectNoViolations(page, screen) {
  // Open every disclosure so the hidden content is checked too.
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
  const { violations } = await new AxeBuilder({ page }).analyze();
  const summary = violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
  expect(summary, `axe violations on ${screen}`).toEqual([]);
}

for (const lang of [{ id: 'en', button: 'English' }, { id: 'zh', button: '简体中文' }]) {
  test(`no accessibility violations on any screen in ${lang.id}`, async ({ page }) => {
    await openApp(page);
    await page.getByRole('button', { name: lang.button }).click();
    await expectNoViolations(page, 'home (empty)');
    await page.locator('[data-action="new-assessment"]').click();
    await page.locator('[data-action="start"]').click();
    await expect(page.locator('.field-error')).toBeVisible();
    await expectNoViolations(page, 'start with an error');
    await page.locator('[data-field="account-name"]').fill('Axe Ltd');
    await page.locator('[data-action="start"]').click();
    await expect(page.locator('[data-screen="questionnaire"]')).toBeVisible();
    await expectNoViolations(page, 'questionnaire');
    await answerAll(page, scenario('trapped-and-unhappy').answers);
    await expectNoViolations(page, 'results');
    await page.locator('.how a').first().click();
    await expectNoViolations(page, 'rules');
    await page.locator('a.brand').click();
    await expectNoViolations(page, 'home with an account');
  });
}

test('no accessibility violations in the dark theme', async ({ page }) => {
  await openApp(page, './?theme=dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expectNoViolations(page, 'home (dark)');
  await startAssessment(page, 'Dark Ltd');
  await expectNoViolations(page, 'questionnaire (dark)');
  await answerAll(page, scenario('all-worst').answers);
  await expectNoViolations(page, 'results (dark)');
});

for (const lang of [{ id: 'en', button: 'English' }, { id: 'zh', button: '简体中文' }]) {
  test(`no accessibility violations on the account, comparison, portfolio and shared screens in ${lang.id}`, async ({ page }) => {
    await openApp(page);
    await seedAccounts(page, [
      accountRecord('ax1', 'Axe Trend', ['all-worst', 'trapped-and-unhappy', 'all-best'], { tags: ['east'] }),
      accountRecord('ax2', 'Axe Other', ['satisfied-no-lock-in']),
    ]);
    await page.getByRole('button', { name: lang.button }).click();
    await page.goto('./#/account/ax1');
    await expect(page.locator('[data-screen="account"]')).toBeVisible();
    await page.locator('[data-action="edit-details"]').click();
    await expectNoViolations(page, 'account page with the details form');
    await page.locator('[data-action="compare-previous"]').first().click();
    await expect(page.locator('[data-screen="compare"]')).toBeVisible();
    await expectNoViolations(page, 'comparison');
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
