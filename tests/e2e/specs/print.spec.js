import { mkdirSync, writeFileSync } from 'node:fs';
import { test, expect, openApp } from '../fixtures.js';
import { scenario, startAssessment, answerAll, fixtures, accountRecord, seedAccounts } from '../assess.js';

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

for (const lang of [{ id: 'en', button: 'English', summary: 'At a glance' }, { id: 'zh', button: '简体中文', summary: '评估概要' }]) {
  test(`the summary reads in ten seconds and prints on exactly one page in ${lang.id}`, async ({ page }) => {
    // window.print() opens a dialog in a real browser; here it records what would print.
    await page.addInitScript(() => {
      window.print = () => { window.__printed = document.documentElement.dataset.print ?? 'full'; };
    });
    await openApp(page);
    // The seeds' incumbent B: a hostage account, amber risk, with a full action plan.
    await seedAccounts(page, [accountRecord('sum1', 'Incumbent B 现供应商', ['incumbent-b'])]);
    await page.getByRole('button', { name: lang.button }).click();
    await page.evaluate(() => { location.hash = '#/results/sum1/sum1-s0'; });
    const summary = page.locator('[data-summary]');
    await expect(summary.locator('h2')).toHaveText(lang.summary);
    // Above every other block, with the headline verdicts and the first three actions.
    const top = async (sel) => (await page.locator(sel).boundingBox()).y;
    expect(await top('[data-summary]')).toBeLessThan(await top('[data-block="level"]'));
    for (const item of ['level', 'quadrant', 'risk', 'confidence']) {
      await expect(summary.locator(`[data-summary-item="${item}"] dd`)).not.toBeEmpty();
    }
    await expect(summary.locator('[data-summary-item="risk"] dd')).toHaveClass(/amber/);
    await expect(summary.locator('[data-summary-item="confidence"] dd')).toContainText(String(scenario('incumbent-b').summary.confidence));
    const actions = summary.locator('[data-summary-action]');
    await expect(actions).toHaveCount(3);
    await expect(actions.first()).toHaveAttribute('data-summary-action', scenario('incumbent-b').first_action);
    const planned = await page.locator('[data-block="actions"] [data-action-id]').evaluateAll((els) => els.slice(0, 3).map((e) => e.dataset.actionId));
    expect(await actions.evaluateAll((els) => els.map((e) => e.dataset.summaryAction))).toEqual(planned);

    // The section navigation moves focus to any block and stays on screen while reading.
    await page.locator('[data-results-nav] [data-goto="actions-heading"]').click();
    await expect(page.locator('#actions-heading')).toBeFocused();
    await expect(page.locator('[data-results-nav]')).toBeInViewport();
    await page.locator('[data-results-nav] [data-goto="summary-heading"]').press('Enter');
    await expect(page.locator('#summary-heading')).toBeFocused();

    mkdirSync('screenshots', { recursive: true });
    for (const format of ['A4', 'Letter']) {
      // Printing ends with "afterprint", which ends the summary mode: each print is a click.
      await page.emulateMedia({ media: 'screen' });
      await page.locator('[data-action="print-summary"]').click();
      expect(await page.evaluate(() => window.__printed)).toBe('summary');
      await page.emulateMedia({ media: 'print' });
      await expect(summary).toBeVisible();
      await expect(page.locator('[data-block="level"]')).toBeHidden();
      const pdf = await page.pdf({ format, printBackground: true });
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      expect(pages, `${format} pages of the summary`).toBe(1);
      writeFileSync(`screenshots/summary-${lang.id}-${format}.pdf`, pdf);
    }
    // "Print the full report" prints everything again.
    await page.emulateMedia({ media: 'screen' });
    await page.locator('[data-action="print"]').click();
    expect(await page.evaluate(() => window.__printed)).toBe('full');
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('[data-block="level"]')).toBeVisible();
  });
}
