// The account plan (issue 15): adopt actions from the results, add an item, reload, move its
// status, see it overdue on home and in the portfolio, re-assess and read "did it work?".
import AxeBuilder from '@axe-core/playwright';
import { test, expect, openApp } from '../fixtures.js';
import { accountRecord, seedAccounts, answerAll, scenario } from '../assess.js';

async function expectNoViolations(page, screen) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const summary = violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
  expect(summary, `axe violations on ${screen}`).toEqual([]);
}

/** The stored record of account `id`. */
const stored = (page, id) => page.evaluate((key) => JSON.parse(localStorage.getItem(key)), `rapport.v1.account.${id}`);

test('adopt, add, reload, move, see overdue, re-assess and see before → after', async ({ page }) => {
  test.setTimeout(60_000);
  await openApp(page);
  // The seeds' incumbent: a captive ("hostage") account with weak guarantees.
  await seedAccounts(page, [accountRecord('pl1', 'Plan Co', ['incumbent-b'])]);
  await page.goto('./#/results/pl1/pl1-s0');
  const actions = page.locator('[data-block="actions"] li[data-action-id]:not([hidden])');
  await expect(actions.first()).toBeVisible();
  // Adopt the first action that has a figure to move (a lever or a guarantee).
  const ids = await actions.evaluateAll((els) => els.map((e) => e.dataset.actionId));
  const leverAction = ids.find((id) => /^(satisfaction|safeguard|switching_cost)\./.test(id));
  expect(leverAction, `an action on a lever among ${ids}`).toBeTruthy();
  const adoptRow = page.locator(`li[data-action-id="${leverAction}"]`);
  await adoptRow.locator('[data-action="adopt"]').click();
  await expect(adoptRow.locator('[data-action="adopt"]')).toHaveAttribute('data-adopted', 'true');
  // Adopting twice adds nothing (the inert button keeps focus, so a keyboard user stays put).
  await expect(adoptRow.locator('[data-action="adopt"]')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-block="plan"] [data-plan-item]')).toHaveCount(1);
  // The plan is in the section navigation, right after the action plan.
  await expect(page.locator('[data-results-nav] [data-goto="plan-heading"]')).toBeVisible();

  // The account page: the adopted item, then an item of the user's own.
  await page.goto('./#/account/pl1');
  const items = page.locator('[data-block="plan"] [data-plan-item]');
  await expect(items).toHaveCount(1);
  await expect(items.first()).toHaveAttribute('data-status', 'planned');
  await page.locator('[data-action="add-plan-item"]').click();
  await expect(page.locator('#plan-title')).toBeFocused();
  // Refused without a title: the reason is shown and nothing is added.
  await page.locator('[data-action="save-plan-item"]').click();
  await expect(page.locator('.plan-form [role="alert"]')).toContainText('title');
  await expect(items).toHaveCount(1);
  await page.locator('#plan-title').fill('Meet the new purchasing director <b>before</b> the tender');
  await page.locator('#plan-owner').fill('Wang Lei');
  await page.locator('#plan-due').fill('2020-01-15');
  await page.locator('#plan-measure').fill('Meeting held, needs written down');
  await page.locator('#plan-lever').selectOption('satisfaction.psychological_needs');
  await page.locator('[data-action="save-plan-item"]').click();
  await expect(items).toHaveCount(2);
  const own = items.nth(1);
  // User text is text.
  await expect(own.locator('h3')).toHaveText('Meet the new purchasing director <b>before</b> the tender');
  await expect(own.locator('[data-overdue]')).toBeVisible();
  await expect(page.locator('#plan-heading')).toBeFocused();

  // Reload: both items are there; move the adopted one to "in progress".
  await page.reload();
  await expect(items).toHaveCount(2);
  const adopted = items.first();
  await adopted.locator('[data-field="plan-status"]').selectOption('in-progress');
  await expect(adopted).toHaveAttribute('data-status', 'in-progress');
  await page.reload();
  await expect(items.first()).toHaveAttribute('data-status', 'in-progress');
  const record = await stored(page, 'pl1');
  expect(record.plan.map((p) => p.status)).toEqual(['in-progress', 'planned']);
  expect(record.plan[0].action).toBe(leverAction);
  expect(record.plan[0].from).toBe('pl1-s0');

  // Overdue on the home screen and in the portfolio (sortable).
  await page.goto('./#/');
  await expect(page.locator('.account-card[data-account="pl1"] [data-overdue]')).toHaveAttribute('data-overdue', '1');
  await page.goto('./#/portfolio');
  await expect(page.locator('tr[data-account="pl1"] [data-col="overdue"]')).toHaveText('1');
  await page.locator('[data-sort="overdue"]').click();
  await expect(page.locator('th[aria-sort="ascending"] [data-sort="overdue"]')).toBeVisible();

  // Re-assess (the guarantees now at their best) and read the before → after.
  await page.goto('./#/');
  await page.locator('.account-card[data-account="pl1"] [data-action="reassess"]').click();
  await answerAll(page, scenario('all-best').answers);
  const progress = page.locator('[data-block="plan"] [data-progress]');
  await expect(progress).toHaveCount(2);
  const moved = progress.first();
  await expect(moved).toHaveAttribute('data-moved', 'better');
  const [before, after] = await moved.evaluate((el) => [Number(el.dataset.before), Number(el.dataset.after)]);
  expect(after).toBeGreaterThan(before);
  await expect(moved.locator('[data-still-raised]')).toHaveAttribute('data-still-raised', 'false');
  await expect(progress.nth(1)).toHaveAttribute('data-moved', 'better');
});

test('remove asks first; the plan reads in Chinese and is axe-clean in both languages', async ({ page }) => {
  await openApp(page);
  const record = accountRecord('pl2', 'Plan Zh', ['incumbent-b']);
  record.v = 3;
  record.plan = [
    { id: 'i1', title: '建立季度业务回顾机制', lever: 'safeguard.communication', owner: '王经理', due: '2020-03-31', status: 'planned', created_ms: 1, updated_ms: 1 },
    { id: 'i2', title: 'Joint cost-down plan', status: 'done', created_ms: 2, updated_ms: 2 },
  ];
  await seedAccounts(page, [record]);
  await page.goto('./#/account/pl2');
  const items = page.locator('[data-block="plan"] [data-plan-item]');
  await expect(items).toHaveCount(2);
  await expectNoViolations(page, 'account plan (en)');
  await items.nth(1).locator('[data-action="edit-plan-item"]').click();
  await expect(page.locator('#plan-title')).toHaveValue('Joint cost-down plan');
  await expectNoViolations(page, 'plan item form (en)');
  await page.locator('.plan-form').getByRole('button', { name: 'Cancel' }).click();

  await page.getByRole('button', { name: '简体中文' }).click();
  await expect(page.locator('#plan-heading')).toHaveText('客户行动计划');
  await expect(items.first().locator('[data-overdue]')).toHaveText('已逾期');
  await expect(items.nth(1).locator('select')).toHaveValue('done');
  await expectNoViolations(page, 'account plan (zh)');
  await page.locator('[data-action="add-plan-item"]').click();
  await expectNoViolations(page, 'plan item form (zh)');
  await page.locator('.plan-form').getByRole('button', { name: '取消' }).click();

  await items.nth(1).locator('[data-action="remove-plan-item"]').click();
  await expect(items.nth(1).locator('[role="alert"]')).toBeVisible();
  expect((await stored(page, 'pl2')).plan).toHaveLength(2);
  await items.nth(1).locator('[data-action="remove-plan-item-confirm"]').click();
  await expect(items).toHaveCount(1);
  const after = await stored(page, 'pl2');
  expect(after.plan.map((p) => p.id)).toEqual(['i1']);
  expect(Object.keys(after.plan_removed)).toEqual(['i2']);

  // The share link and the one-assessment export never carry the plan.
  await page.goto('./#/results/pl2/pl2-s0');
  await page.locator('[data-action="share"]').click();
  const link = await page.locator('#share-link').inputValue();
  await page.goto(link);
  await expect(page.locator('[data-shared]')).toBeVisible();
  await expect(page.locator('[data-block="plan"]')).toHaveCount(0);
  await expect(page.locator('[data-action="adopt"]')).toHaveCount(0);
});

test('the plan CSV has one row per item', async ({ page }) => {
  await openApp(page);
  const record = accountRecord('pl3', 'Plan CSV', ['incumbent-b']);
  record.v = 3;
  record.plan = [{ id: 'c1', title: '=HYPERLINK("x")', status: 'planned', created_ms: 1, updated_ms: 1 }];
  await seedAccounts(page, [record]);
  await page.goto('./#/portfolio');
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-action="export-plan-csv"]').click()]);
  expect(download.suggestedFilename()).toMatch(/^rapport-plan-.*\.csv$/);
  const text = (await (await download.createReadStream()).toArray()).join('');
  const lines = text.replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(`pl3,Plan CSV,c1,"'=HYPERLINK(""x"")",planned`);
});
