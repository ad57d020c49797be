import { test, expect, openApp } from '../fixtures.js';
import { fixtures, scenario, startAssessment, answerAll, radio, accountRecord, seedAccounts, compactAnswer } from '../assess.js';

test('deleting an account asks first and can be undone', async ({ page }) => {
  await openApp(page);
  await startAssessment(page, 'Keep Or Not');
  await page.locator('a.brand').click();
  const card = page.locator('.account-card', { hasText: 'Keep Or Not' });
  await card.locator('[data-action="delete"]').click();
  await expect(card.getByRole('alert')).toContainText('Delete “Keep Or Not” and all its assessments?');
  await card.getByRole('button', { name: 'Cancel' }).click();
  await expect(card).toBeVisible();

  await card.locator('[data-action="delete"]').click();
  await card.locator('[data-action="delete-confirm"]').click();
  await expect(page.locator('.account-card')).toHaveCount(0);
  await expect(page.locator('[data-deleted]')).toContainText('Deleted “Keep Or Not”.');
  await expect.poll(() => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('rapport.v1.account.')).length)).toBe(0);

  await page.locator('[data-action="undo-delete"]').click();
  await expect(page.locator('.account-card', { hasText: 'Keep Or Not' })).toBeVisible();
  await expect.poll(() => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('rapport.v1.account.')).length)).toBe(1);
  await page.reload();
  await expect(page.locator('.account-card', { hasText: 'Keep Or Not' })).toBeVisible();
});

test('a change in one tab shows up in the other; edits to different accounts never collide', async ({ page, context }) => {
  await openApp(page);
  await startAssessment(page, 'Tab One Account');
  const other = await context.newPage();
  await openApp(other);
  await expect(other.locator('.account-card', { hasText: 'Tab One Account' })).toBeVisible();

  // The second tab starts its own account while the first keeps answering.
  await startAssessment(other, 'Tab Two Account');
  const [q1, q2] = fixtures.sections[0].questions;
  await radio(page, q1, 3).check();
  await radio(other, q2, 1).check();
  await other.locator('a.brand').click();
  await expect(other.locator('.account-card', { hasText: 'Tab One Account' })).toContainText(`1 of ${fixtures.total_questions}`);
  await page.locator('a.brand').click();
  await expect(page.locator('.account-card', { hasText: 'Tab Two Account' })).toContainText(`1 of ${fixtures.total_questions}`);

  // Deleting in one tab removes it from the other.
  await page.locator('.account-card', { hasText: 'Tab Two Account' }).locator('[data-action="delete"]').click();
  await page.locator('[data-action="delete-confirm"]').click();
  await expect(other.locator('.account-card', { hasText: 'Tab Two Account' })).toHaveCount(0);
  const stored = await other.evaluate(() => Object.values(localStorage).filter((v) => v.includes('"Tab One Account"')).map((v) => JSON.parse(v)));
  // Stored compactly: one character per position of the frozen answer order, trailing blanks dropped.
  expect(stored[0].assessments[0].answers).toBe(compactAnswer(q1, 3));
});

test('re-assessing an account builds its history, newest first, each linked to its results', async ({ page }) => {
  // The first assessment is stored; the re-assessment is answered through the screens.
  await openApp(page);
  await seedAccounts(page, [accountRecord('qc1', 'Quarterly Co', ['all-worst'])]);
  const card = page.locator('.account-card', { hasText: 'Quarterly Co' });
  await card.locator('[data-action="reassess"]').click();
  await answerAll(page, scenario('all-best').answers);
  await expect(page.locator('[data-results]')).toHaveAttribute('data-level', 'partner');
  await page.locator('a.brand').click();
  await card.locator('.timeline summary').click();
  const entries = card.locator('.timeline li');
  await expect(entries).toHaveCount(2);
  await expect(entries.nth(0)).toContainText('Strategic partner · Loyal');
  await expect(entries.nth(1)).toContainText('Supplier · Drifting (at risk)');
  await entries.nth(1).getByRole('link').click();
  await expect(page.locator('[data-results]')).toHaveAttribute('data-level', 'supplier');
});

/** Clicks `selector` in every page at one shared instant (the pages share the machine's clock),
 *  so their saves race as two quick clicks in two tabs do. */
async function clickTogether(clicks) {
  const at = Date.now() + 60;
  await Promise.all(
    clicks.map(([page, selector]) =>
      page.evaluate(
        ([sel, at]) =>
          new Promise((resolve) => {
            const fire = () => {
              document.querySelector(sel).click();
              resolve();
            };
            // A busy-wait for the last few ms: timers alone are too coarse to hit one instant.
            setTimeout(() => {
              while (Date.now() < at);
              fire();
            }, Math.max(0, at - Date.now() - 5));
          }),
        [selector, at],
      ),
    ),
  );
}

test('two tabs answering the same draft at the same instant, many times, lose no answer', async ({ page, context }) => {
  test.setTimeout(60_000);
  await openApp(page);
  await startAssessment(page, 'Race Co');
  const other = await context.newPage();
  await other.goto(page.url());
  await expect(other.locator('[data-screen="questionnaire"]')).toBeVisible();
  const questions = fixtures.sections[0].questions;
  const expected = {};
  const rounds = 24;
  for (let r = 0; r < rounds; r++) {
    // Each tab changes a different question, at the same millisecond; every question is
    // answered by both tabs over the rounds, with a new option each time.
    const mine = questions[(2 * r) % questions.length];
    const theirs = questions[(2 * r + 1) % questions.length];
    const option = r % 4;
    await clickTogether([
      [page, `#q-${mine}-${option}`],
      [other, `#q-${theirs}-${(option + 1) % 4}`],
    ]);
    expected[mine] = option;
    expected[theirs] = (option + 1) % 4;
  }
  // Both tabs, and storage, settle on every answer's last value.
  const want = Object.fromEntries(Object.entries(expected).map(([id, v]) => [fixtures.answer_order.indexOf(id), String(v)]));
  const storedAnswers = (p) =>
    p.evaluate(() => {
      const raw = Object.entries(localStorage).find(([k, v]) => k.startsWith('rapport.v1.account.') && v.includes('"Race Co"'));
      return raw ? JSON.parse(raw[1]).assessments[0].answers : '';
    });
  const matches = (answers) => Object.entries(want).every(([at, v]) => answers[at] === v);
  await expect.poll(async () => matches(await storedAnswers(page)), { timeout: 10_000 }).toBe(true);
  for (const p of [page, other]) {
    for (const [id, v] of Object.entries(expected)) await expect(radio(p, id, v)).toBeChecked();
  }
  // The same question changed in both tabs at once: both settle on one of the two answers.
  const q = questions[0];
  await clickTogether([
    [page, `#q-${q}-1`],
    [other, `#q-${q}-2`],
  ]);
  await expect
    .poll(async () => {
      const [a, b] = [await page.locator(`[name="q-${q}"]:checked`).getAttribute('id'), await other.locator(`[name="q-${q}"]:checked`).getAttribute('id')];
      return a === b && [`q-${q}-1`, `q-${q}-2`].includes(a);
    })
    .toBe(true);
  // And a reload of either tab shows the same draft.
  await other.reload();
  for (const [id, v] of Object.entries(expected)) if (id !== q) await expect(radio(other, id, v)).toBeChecked();
});
