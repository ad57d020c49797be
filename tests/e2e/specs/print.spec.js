import { mkdirSync, writeFileSync } from 'node:fs';
import { test, expect, openApp } from '../fixtures.js';
import { scenario, startAssessment, answerAll, fixtures } from '../assess.js';

for (const lang of [{ id: 'en', button: 'English', notes: 'Notes' }, { id: 'zh', button: '简体中文', notes: '备注' }]) {
  test(`the report prints to clean A4 and Letter pages in ${lang.id}`, async ({ page }) => {
    // A whole assessment through the UI (75 questions) and then more: 7-12 s on this 2-core
    // machine, so the default 30 s would leave too little headroom under load.
    test.setTimeout(60_000);
    await openApp(page);
    await page.getByRole('button', { name: lang.button }).click();
    await startAssessment(page, 'Print & Partners 印刷');
    const q = fixtures.sections[0].questions[0];
    await page.locator(`#q-${q} .question-note summary`).click();
    await page.locator(`#q-${q}-note`).fill('Met the CFO on 12 May.\nBudget approved.');
    await answerAll(page, scenario('all-worst').answers);
    await expect(page.locator('[data-action="print"]')).toBeVisible();
    await expect(page.locator('[data-block="notes"]')).toContainText('Budget approved.');

    await page.emulateMedia({ media: 'print' });
    // Everything a reader needs is on paper: every action (not only the first seven), no buttons.
    const actions = page.locator('.action');
    expect(await actions.count()).toBeGreaterThan(7);
    await expect(actions.last()).toBeVisible();
    await expect(page.locator('button:visible')).toHaveCount(0);
    await expect(page.locator('header.site-header')).toBeHidden();
    await expect(page.locator('[data-block="notes"] h2')).toHaveText(lang.notes);

    mkdirSync('screenshots', { recursive: true });
    for (const format of ['A4', 'Letter']) {
      const pdf = await page.pdf({ format, printBackground: true });
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      expect(pages, `${format} pages`).toBeGreaterThanOrEqual(2);
      expect(pages).toBeLessThanOrEqual(12);
      writeFileSync(`screenshots/report-${lang.id}-${format}.pdf`, pdf);
    }
  });
}
