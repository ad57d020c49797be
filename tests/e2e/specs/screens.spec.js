// Screenshots of every screen at phone and desktop widths in both languages, written to
// tests/e2e/screenshots/ for people to look at. Each also checks nothing overflows sideways.
import { test, expect, openApp } from '../fixtures.js';

const widths = [360, 1280];
const langs = [
  { id: 'en', button: 'English' },
  { id: 'zh', button: '简体中文' },
];

async function expectNoHorizontalOverflow(page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'page is wider than the viewport').toBeLessThanOrEqual(0);
}

for (const width of widths) {
  for (const lang of langs) {
    test(`home screen at ${width}px in ${lang.id}`, async ({ page }) => {
      await page.setViewportSize({ width, height: 800 });
      await openApp(page);
      await page.getByRole('button', { name: lang.button }).click();
      await expectNoHorizontalOverflow(page);
      await page.screenshot({ path: `screenshots/home-${lang.id}-${width}.png`, fullPage: true });
    });
  }
}
