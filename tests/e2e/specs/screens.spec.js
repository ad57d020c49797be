// Screenshots of every screen at phone and desktop widths in both languages, written to
// tests/e2e/screenshots/ for people to look at. Each screen is also checked for sideways overflow.
//
// One test per group of screens, width and language, each starting from stored data rather than
// from answering 70 questions first: a test that walks every screen in a row took 16–25 s of its
// 30 s budget on 2 cores, and failed by chance whenever the machine was slow for a moment.
import { test, expect, openApp } from '../fixtures.js';
import { accountRecord, seedAccounts } from '../assess.js';

const widths = [360, 1280];
const langs = [
  { id: 'en', button: 'English' },
  { id: 'zh', button: '简体中文' },
];
const longName = 'Shanghai Precision Components Co., Ltd. 上海精密零部件有限公司';

async function shoot(page, name) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${name}: page is wider than the viewport`).toBeLessThanOrEqual(0);
  await page.screenshot({ path: `screenshots/${name}.png`, fullPage: true });
}

/** Opens the app at `width` in `lang`, with `records` stored first (if any). */
async function open(page, width, lang, records = []) {
  await page.setViewportSize({ width, height: 800 });
  await openApp(page);
  if (records.length) await seedAccounts(page, records);
  await page.getByRole('button', { name: lang.button }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', lang.id === 'zh' ? 'zh-CN' : 'en');
}

const history = () => [
  accountRecord('sc1', longName, ['all-worst', 'incumbent-b', 'all-best'], { tags: ['east', '重点'] }),
  accountRecord('sc2', 'Other Account', ['dedicated-trucks']),
];

const groups = {
  'home, start and questionnaire': async (page, tag, lang, width) => {
    await open(page, width, lang);
    await shoot(page, `home-empty-${tag}`);
    await page.locator('[data-action="new-assessment"]').click();
    await shoot(page, `start-${tag}`);
    await page.locator('[data-action="start"]').click();
    await expect(page.locator('.field-error')).toBeVisible();
    await shoot(page, `start-error-${tag}`);
    await page.locator('[data-field="account-name"]').fill(longName);
    await page.locator('[data-action="start"]').click();
    await expect(page.locator('[data-screen="questionnaire"]')).toBeVisible();
    await page.locator('.question-help summary').first().click();
    await shoot(page, `questionnaire-${tag}`);
  },
  'results, rules and home': async (page, tag, lang, width) => {
    await open(page, width, lang, [accountRecord('sc1', longName, ['incumbent-b'])]);
    await page.goto('./#/results/sc1/sc1-s0');
    await expect(page.locator('[data-results]')).toBeVisible();
    await shoot(page, `results-${tag}`);
    await page.locator('.how summary').first().click();
    await page.locator('.how a').first().click();
    await expect(page.locator('[data-screen="rules"]')).toBeVisible();
    await shoot(page, `rules-${tag}`);
    await page.locator('a.brand').click();
    await expect(page.locator('.account-card')).toHaveCount(1);
    await shoot(page, `home-${tag}`);
  },
  'account and comparison': async (page, tag, lang, width) => {
    await open(page, width, lang, history());
    await page.goto('./#/account/sc1');
    await expect(page.locator('[data-screen="account"]')).toBeVisible();
    await shoot(page, `account-${tag}`);
    await page.locator('[data-action="compare-previous"]').first().click();
    await expect(page.locator('[data-screen="compare"]')).toBeVisible();
    await shoot(page, `compare-${tag}`);
  },
  'portfolio and shared results': async (page, tag, lang, width) => {
    await open(page, width, lang, history());
    await page.goto('./#/portfolio');
    await expect(page.locator('[data-portfolio] tbody tr')).toHaveCount(2);
    await shoot(page, `portfolio-${tag}`);
    await page.goto('./#/results/sc1/sc1-s2');
    await page.locator('[data-action="share"]').click();
    await page.goto(await page.locator('#share-link').inputValue());
    await expect(page.locator('[data-shared]')).toBeVisible();
    await shoot(page, `shared-${tag}`);
  },
};

for (const [group, run] of Object.entries(groups)) {
  for (const width of widths) {
    for (const lang of langs) {
      test(`screens: ${group} at ${width}px in ${lang.id}`, async ({ page }) => {
        await run(page, `${lang.id}-${width}`, lang, width);
      });
    }
  }
}
