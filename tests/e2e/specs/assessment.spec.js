import { test, expect, openApp } from '../fixtures.js';
import { fixtures, scenario, startAssessment, answerAll, radio, resultAttributes, expectSummary } from '../assess.js';

test('a full assessment completed with the keyboard alone matches the engine', async ({ page }) => {
  const s = scenario('incumbent-b');
  await openApp(page);
  const focused = (sel) => page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, sel);
  for (let i = 0; i < 20 && !(await focused('[data-action="new-assessment"]')); i++) await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  for (let i = 0; i < 20 && !(await focused('[data-field="account-name"]')); i++) await page.keyboard.press('Tab');
  await page.keyboard.type('Keyboard Co');
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-screen="questionnaire"]')).toBeVisible();

  for (const [i, section] of fixtures.sections.entries()) {
    await expect(page.locator('.section-body')).toHaveAttribute('data-section', section.id);
    for (const id of section.questions) {
      // Focus lands inside the current question before each key press.
      await expect.poll(() => page.evaluate((id) => document.activeElement?.closest('fieldset')?.dataset.question, id)).toBe(id);
      const answer = s.answers[id];
      await page.keyboard.press(answer === 'dk' ? '0' : String(answer + 1));
      await expect(radio(page, id, answer)).toBeChecked();
      await page.keyboard.press('Enter');
    }
    const forward = i === fixtures.sections.length - 1 ? 'finish' : 'next';
    await expect(page.locator(`[data-action="${forward}"]`)).toBeFocused();
    await page.keyboard.press('Enter');
  }
  const attrs = await resultAttributes(page);
  expectSummary(attrs, s.summary);
});

/** The expert's verdict on a case (docs/CASES.md) against the results' data attributes. */
function expectVerdict(attrs, s) {
  expect(attrs['data-level']).toBe(s.expect.level);
  expect(attrs['data-target-level']).toBe(s.expect.target);
  expect(attrs['data-quadrant']).toBe(s.expect.quadrant);
  expect(attrs['data-risk-band']).toBe(s.expect.band);
  expect(attrs['data-bottleneck']).toBe(s.expect.bottleneck ?? 'none');
  expect(attrs['data-stage']).toBe(s.expect.stage);
  expect(attrs['data-stance']).toBe(s.stance);
  expectSummary(attrs, s.summary);
}

for (const s of fixtures.scenarios) {
  test(`case "${s.name}" entered through the UI gets the expert's verdict: ${s.expect.level} / ${s.expect.quadrant} / ${s.expect.band}`, async ({ page }) => {
    await openApp(page);
    await startAssessment(page, `Case ${s.name}`);
    await answerAll(page, s.answers);
    expectVerdict(await resultAttributes(page), s);
    await expect(page.locator('[data-action-id]').first()).toHaveAttribute('data-action-id', s.first_action);
    await expect(page.locator('[data-action-id] .first-step').first()).not.toBeEmpty();
  });
}

// Two cases answered in Chinese: the same verdict, told in the seeds' own terms.
const zhCases = {
  'hyundai-open-tender': async (page) => {
    await expect(page.locator('[data-quadrant-label]')).toContainText('无奈客户');
    await expect(page.locator('[data-flag="regression"]')).toContainText('公开招标');
    await expect(page.locator('[data-flag="guarantee-floor"]')).toContainText('让渡价值');
    await expect(page.locator('[data-action-id="phase.rescue"] .action-title')).toContainText('叛离');
  },
  'truss-bridge': async (page) => {
    await expect(page.locator('[data-current-level]')).toContainText('供应商');
    await expect(page.locator('[data-stance-text]')).toContainText('做好项目交付');
    await expect(page.locator('[data-flag="free-to-go-is-normal"]')).toContainText('一次性项目');
    await expect(page.locator('[data-action-id^="switching_cost."]')).toHaveCount(0);
  },
};
for (const [name, check] of Object.entries(zhCases)) {
  test(`case "${name}" answered in Chinese gets the same verdict in the seeds' terms`, async ({ page }) => {
    const s = scenario(name);
    await openApp(page);
    await page.getByRole('button', { name: '简体中文' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await startAssessment(page, `案例 ${name}`);
    await answerAll(page, s.answers);
    expectVerdict(await resultAttributes(page), s);
    await check(page);
    // No ASCII punctuation inside the Chinese results text.
    const text = await page.locator('[data-results]').innerText();
    expect(text).not.toMatch(/[\u4e00-\u9fff][,:;?]|[,:;?][\u4e00-\u9fff]/);
  });
}

test('reload mid-section resumes at the same question with answers and notes intact', async ({ page }) => {
  await openApp(page);
  await startAssessment(page, 'Resume Ltd');
  const [first, second] = fixtures.sections;
  for (const id of first.questions) await radio(page, id, 1).check();
  await page.locator('[data-action="next"]').click();
  await expect(page.locator('.section-body')).toHaveAttribute('data-section', second.id);
  const [a, b, c] = second.questions;
  await radio(page, a, 0).check();
  await radio(page, b, 'dk').check();
  await page.locator(`#q-${c} .question-note summary`).click();
  await page.locator(`#q-${c}-note`).fill('Line one\nLine <two>');
  await radio(page, c, 3).check();

  await page.reload();
  await expect(page.locator('.section-body')).toHaveAttribute('data-section', second.id);
  await expect(radio(page, a, 0)).toBeChecked();
  await expect(radio(page, b, 'dk')).toBeChecked();
  await expect(radio(page, c, 3)).toBeChecked();
  await expect(page.locator(`#q-${c}-note`)).toHaveValue('Line one\nLine <two>');
  await expect(radio(page, c, 3)).toBeFocused();
  await expect(page.locator('.progress')).toHaveAttribute('data-progress', `${first.questions.length + 3}/${fixtures.total_questions}`);
  // The first section's answers survived too.
  await page.locator(`[data-section="${first.id}"].section-link`).click();
  for (const id of first.questions) await expect(radio(page, id, 1)).toBeChecked();
});

test('a note is saved when typing pauses or the field is left, not on every keystroke', async ({ page }) => {
  // The page's clock is Playwright's: timers fire only when the test moves time on, so what saves
  // a note is known, not guessed from timing.
  await page.clock.install();
  await openApp(page);
  await startAssessment(page, 'Typing Co');
  const q = fixtures.sections[0].questions[0];
  await page.locator(`#q-${q} .question-note summary`).click();
  await page.evaluate(() => {
    window.__accountWrites = 0;
    const set = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (key.startsWith('rapport.v1.account.')) window.__accountWrites++;
      return set.call(this, key, value);
    };
  });
  await page.clock.pauseAt(Date.now() + 60_000);
  const stored = () => page.evaluate(() => Object.values(localStorage).find((v) => v.includes('"Typing Co"')) ?? '');
  const writes = () => page.evaluate(() => window.__accountWrites);
  const text = 'Procurement asked for a price review';
  await page.locator(`#q-${q}-note`).pressSequentially(text);
  expect(await writes(), `${text.length} keystrokes, no pause`).toBe(0);
  // A pause of 0.6 s saves it, once.
  await page.clock.runFor(700);
  await expect.poll(stored).toContain(text);
  expect(await writes()).toBe(1);
  // Leaving the field saves at once, with no time passing.
  await page.locator(`#q-${q}-note`).pressSequentially('，下周复核');
  expect(await writes()).toBe(1);
  await radio(page, q, 2).focus();
  await expect.poll(stored).toContain(`${text}，下周复核`);
  expect(await writes()).toBe(2);
});

test('switching language mid-way keeps every answer', async ({ page }) => {
  await openApp(page);
  await startAssessment(page, 'Bilingual GmbH');
  const [first] = fixtures.sections;
  for (const [i, id] of first.questions.entries()) await radio(page, id, i % 5).check();
  await page.getByRole('button', { name: '简体中文' }).click();
  await expect(page.locator('.progress')).toContainText('已回答');
  await expect(page.locator('.section-body h2')).toHaveText('客户概况');
  for (const [i, id] of first.questions.entries()) await expect(radio(page, id, i % 5)).toBeChecked();
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('.section-body h2')).toHaveText('The account');
  for (const [i, id] of first.questions.entries()) await expect(radio(page, id, i % 5)).toBeChecked();
});

test('account names and notes containing HTML are shown as text', async ({ page }) => {
  page.on('dialog', (d) => {
    throw new Error(`unexpected dialog: ${d.message()}`);
  });
  const name = '<img src=x onerror=alert(1)>';
  const note = '<script>alert(2)</script><b>bold</b>';
  await openApp(page);
  await startAssessment(page, name);
  await expect(page.locator('#account-heading')).toHaveText(name);
  const q = fixtures.sections[0].questions[0];
  await page.locator(`#q-${q} .question-note summary`).click();
  await page.locator(`#q-${q}-note`).fill(note);
  await expect(page.locator('main img, main script, main b')).toHaveCount(0);
  await page.reload();
  await expect(page.locator(`#q-${q}-note`)).toHaveValue(note);
  await answerAll(page, {});
  await expect(page.locator('#results-heading')).toContainText(name);
  await page.getByRole('link', { name: 'Back to accounts' }).click();
  await expect(page.locator('.account-name')).toHaveText(name);
  await expect(page.locator('main img, main script, main b')).toHaveCount(0);
});

test('finishing with questions unanswered shows lower confidence and the thin sections', async ({ page }) => {
  await openApp(page);
  await startAssessment(page, 'Partial Inc');
  const answers = Object.fromEntries(fixtures.sections[0].questions.map((id) => [id, 4]));
  await answerAll(page, answers);
  const attrs = await resultAttributes(page);
  expect(Number(attrs['data-confidence'])).toBe(Math.round((100 * fixtures.sections[0].questions.length) / fixtures.total_questions));
  await expect(page.locator('[data-thin-sections] li')).toHaveCount(fixtures.sections.length - 1);
  expect(attrs['data-quadrant']).toBe('');
});

test('a draft can be discarded only after confirming', async ({ page }) => {
  await openApp(page);
  await startAssessment(page, 'Throwaway');
  await radio(page, fixtures.sections[0].questions[0], 2).check();
  await page.locator('[data-action="discard"]').click();
  await expect(page.getByRole('alert').filter({ hasText: 'cannot be undone' })).toBeVisible();
  await page.getByRole('button', { name: 'Keep it' }).click();
  await expect(radio(page, fixtures.sections[0].questions[0], 2)).toBeChecked();
  await page.locator('[data-action="discard"]').click();
  await page.locator('[data-action="discard-confirm"]').click();
  await expect(page.locator('[data-screen="accounts"]')).toBeVisible();
  await expect(page.locator('.account-card')).toHaveCount(0);
  const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('rapport.v1.account.')));
  expect(keys).toEqual([]);
});

test('a draft is listed on the home screen and resumes from there', async ({ page }) => {
  await openApp(page);
  await startAssessment(page, 'Later Corp');
  await radio(page, fixtures.sections[0].questions[0], 3).check();
  await page.getByRole('link', { name: /Rapport/ }).click();
  const card = page.locator('.account-card', { hasText: 'Later Corp' });
  await expect(card).toContainText(`1 of ${fixtures.total_questions}`);
  await card.locator('[data-action="resume"]').click();
  await expect(radio(page, fixtures.sections[0].questions[0], 3)).toBeChecked();
});
