// Screenshots of every screen at phone and desktop widths in both languages, written to
// tests/e2e/screenshots/ for people to look at. Each screen is also checked for sideways overflow.
import { test, expect, openApp } from '../fixtures.js';
import { scenario, answerAll, accountRecord, seedAccounts } from '../assess.js';

const widths = [360, 1280];
const langs = [
  { id: 'en', button: 'English' },
  { id: 'zh', button: '简体中文' },
];

async function shoot(page, name) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${name}: page is wider than the viewport`).toBeLessThanOrEqual(0);
  await page.screenshot({ path: `screenshots/${name}.png`, fullPage: true });
}

for (const width of widths) {
  for (const lang of langs) {
    test(`every screen at ${width}px in ${lang.id}`, async ({ page }) => {
      const tag = `${lang.id}-${width}`;
      await page.setViewportSize({ width, height: 800 });
      await openApp(page);
      await page.getByRole('button', { name: lang.button }).click();
      await shoot(page, `home-empty-${tag}`);
      await page.locator('[data-action="new-assessment"]').click();
      await shoot(page, `start-${tag}`);
      await page.locator('[data-action="start"]').click();
      await expect(page.locator('.field-error')).toBeVisible();
      await shoot(page, `start-error-${tag}`);
      await page.locator('[data-field="account-name"]').fill('Shanghai Precision Components Co., Ltd. 上海精密零部件有限公司');
      await page.locator('[data-action="start"]').click();
      await expect(page.locator('[data-screen="questionnaire"]')).toBeVisible();
      await page.locator('.question-help summary').first().click();
      await shoot(page, `questionnaire-${tag}`);
      await answerAll(page, scenario('trapped-and-unhappy').answers);
      await expect(page.locator('[data-results]')).toBeVisible();
      await shoot(page, `results-${tag}`);
      await page.locator('.how summary').first().click();
      await page.locator('.how a').first().click();
      await expect(page.locator('[data-screen="rules"]')).toBeVisible();
      await shoot(page, `rules-${tag}`);
      await page.locator('a.brand').click();
      await expect(page.locator('.account-card')).toHaveCount(1);
      await shoot(page, `home-${tag}`);

      // Account, comparison, portfolio and shared screens, from seeded history.
      await seedAccounts(page, [
        accountRecord('sc1', 'Shanghai Precision Components Co., Ltd. 上海精密零部件有限公司', ['all-worst', 'trapped-and-unhappy', 'all-best'], { tags: ['east', '重点'] }),
        accountRecord('sc2', 'Other Account', ['satisfied-no-lock-in']),
      ]);
      await page.goto('./#/account/sc1');
      await expect(page.locator('[data-screen="account"]')).toBeVisible();
      await shoot(page, `account-${tag}`);
      await page.locator('[data-action="compare-previous"]').first().click();
      await expect(page.locator('[data-screen="compare"]')).toBeVisible();
      await shoot(page, `compare-${tag}`);
      await page.goto('./#/portfolio');
      await expect(page.locator('[data-portfolio] tbody tr')).toHaveCount(3);
      await shoot(page, `portfolio-${tag}`);
      await page.goto('./#/results/sc1/sc1-s2');
      await page.locator('[data-action="share"]').click();
      await page.goto(await page.locator('#share-link').inputValue());
      await expect(page.locator('[data-shared]')).toBeVisible();
      await shoot(page, `shared-${tag}`);
    });
  }
}
