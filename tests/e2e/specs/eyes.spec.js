// Other eyes (issue 17), two browser contexts: the key-account manager (English) invites the
// customer's head of network maintenance, who answers in Chinese on a device of their own; the
// response comes back as a code, is attached, and the perception gap shows what B's ties at the
// top hid (seed 004). Damaged and hostile links and codes are refused; nothing confidential is
// in any link.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, openApp } from '../fixtures.js';
import { accountRecord, fixtures, seedAccounts } from '../assess.js';

async function expectNoViolations(page, screen) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const summary = violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
  expect(summary, `axe violations on ${screen}`).toEqual([]);
}

const groupId = (questionId) => `r-${questionId.replace(/\./g, '-')}`;

/** Answers the customer questionnaire step by step as `respondent` (fixtures), then finishes. */
async function answerCustomer(page, respondent, name, role) {
  const answers = fixtures.customer[respondent];
  for (const section of fixtures.customer.sections) {
    for (const q of section.questions) {
      const a = answers[q];
      if (a === undefined) continue;
      await page.locator(`#${groupId(q)}-${a}`).check();
    }
    await page.locator('[data-action="respond-next"]').click();
  }
  if (name) await page.locator('#respond-name').fill(name);
  if (role) await page.locator(`#respond-role-${role}`).check();
  await page.locator('[data-action="finish-response"]').click();
  await expect(page.locator('[data-response="ready"]')).toBeVisible();
  return page.locator('#response-code').inputValue();
}

/** Creates an invitation on the account page and returns its link. */
async function invite(page, kind, { shown = '', sentTo = '', lang = 'en' } = {}) {
  await page.locator('#invite-shown').fill(shown);
  await page.locator('#invite-sent-to').fill(sentTo);
  await page.locator('#invite-lang').selectOption(lang);
  const before = await page.locator('[data-invitation]').count();
  await page.locator(`[data-action="invite"][data-kind="${kind}"]`).click();
  await expect(page.locator('[data-invitation]')).toHaveCount(before + 1);
  return page.locator('[data-invitation] input').last().inputValue();
}

const fromBase64url = (s) => Buffer.from(s.replace(/-/g, '+').replace(/_/g, '/'), 'base64');

test('invite the customer, answer on their device in Chinese, attach, see the gap lead the plan', async ({ page, browser, baseURL }) => {
  test.setTimeout(90_000);
  await openApp(page);
  await seedAccounts(page, [accountRecord('b1', 'J-province railway telecom', ['incumbent-b'])]);
  await page.goto('./#/account/b1');
  await expect(page.locator('[data-block="other-eyes"]')).toBeVisible();
  const link = await invite(page, 'customer', { shown: 'B Telecom', sentTo: 'Wang, head of maintenance', lang: 'zh' });
  // The link carries the shown name and nothing else of the account: not whom it went to, not
  // the account's name, no figure.
  const payload = link.split('#/respond/')[1];
  const bytes = fromBase64url(payload).toString('utf8');
  expect(bytes).toContain('B Telecom');
  for (const secret of ['Wang', 'maintenance', 'railway', 'J-province']) expect(bytes).not.toContain(secret);

  // The respondent: another browser, nothing stored, opening the link.
  const theirs = await browser.newContext({ locale: 'en-GB', baseURL });
  const respondent = await theirs.newPage();
  await respondent.goto(link.replace(/^https?:\/\/[^/]+/, baseURL.replace(/\/$/, '')));
  const screen = respondent.locator('[data-screen="respond"]');
  await expect(screen).toBeVisible();
  await expect(screen).toHaveAttribute('data-kind', 'customer');
  // The inviter's language for this invitation, and only the questionnaire: no way into accounts.
  await expect(respondent.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(screen).toContainText('B Telecom');
  await expect(respondent.locator('header a.brand')).toHaveCount(0);
  await expectNoViolations(respondent, 'respond (zh)');
  // A draft survives a reload in their own browser.
  await respondent.locator(`#${groupId('c.product_quality')}-1`).check();
  await respondent.reload();
  await expect(respondent.locator(`#${groupId('c.product_quality')}-1`)).toBeChecked();
  const code = await answerCustomer(respondent, 'b-maintenance-head', '王主任', 'evaluates');
  await expectNoViolations(respondent, 'response ready (zh)');
  // Nothing of theirs is kept unless they ask, and none of the inviter's data was ever there.
  const keys = await respondent.evaluate(() => Object.keys(localStorage));
  expect(keys.filter((k) => k.startsWith('rapport.v1.respond.') || k.startsWith('rapport.v1.account.'))).toEqual([]);
  await theirs.close();

  // Back with the key-account manager: paste the code.
  await page.locator('#attach-text').fill(`Here it is: ${code}`);
  await page.locator('.attach [data-action="attach-response"]').click();
  await expect(page.locator('[data-eyes-message="ok"]')).toBeVisible();
  const gap = page.locator('[data-perception-gap]');
  await expect(gap).toHaveAttribute('data-respondents', '1');
  const competitor = gap.locator('[data-gap="warning.competitor_offer"]');
  await expect(competitor).toHaveAttribute('data-own', '100');
  await expect(competitor).toHaveAttribute('data-theirs', '0');
  await expect(competitor).toHaveAttribute('data-mark', 'blind-spot');
  await expect(gap.locator('tbody tr').first()).toHaveAttribute('data-gap', 'warning.competitor_offer');
  await expect(gap.locator('[data-gap="safeguard.communication"]')).toHaveAttribute('data-mark', 'blind-spot');
  await expect(page.locator('[data-response-id]')).toContainText('王主任');
  // The customer's own early warning, and nobody who decides has been heard yet.
  await expect(gap.locator('[data-customer-alarm]')).toHaveAttribute('data-customer-alarm', 'warning.competitor_offer loyalty_type.intentional');
  await expect(gap.locator('[data-no-decider]')).toBeVisible();
  // The same code again is refused, and nothing is added twice.
  await page.locator('#attach-text').fill(code);
  await page.locator('.attach [data-action="attach-response"]').click();
  await expect(page.locator('[data-eyes-message="refused"]')).toContainText('already');
  await expect(page.locator('[data-response-id]')).toHaveCount(1);
  // Stored with the account, and it survives a reload.
  await page.reload();
  await expect(page.locator('[data-perception-gap] [data-gap]').first()).toBeVisible();
  const record = await page.evaluate(() => JSON.parse(localStorage.getItem('rapport.v1.account.b1')));
  expect(record.responses).toHaveLength(1);
  expect(record.responses[0]).toMatchObject({ kind: 'customer', name: '王主任', against: 'b1-s0' });
  await expectNoViolations(page, 'account page with other eyes');

  // The results of the assessment compared: the threat the customer names leads the action
  // plan, then the other blind spots, then what the customer confirms.
  await page.goto('./#/results/b1/b1-s0');
  await expect(page.locator('[data-results] [data-perception-gap]')).toBeVisible();
  const actions = page.locator('[data-action-id]');
  await expect(actions.first()).toHaveAttribute('data-action-id', 'gap.threat');
  await expect(actions.first()).toContainText('100');
  await expect(page.locator('[data-action-id="safeguard.value_guarantee"] [data-confirmed]')).toHaveAttribute('data-confirmed', '25');
  expect(record.responses[0].role).toBe('evaluates');
});

test('a response link opens on the inviter\'s device and attaches; a colleague adds a team view', async ({ page, browser, baseURL }) => {
  test.setTimeout(90_000);
  await openApp(page);
  await seedAccounts(page, [accountRecord('b2', 'J-province railway telecom', ['incumbent-b'])]);
  await page.goto('./#/account/b2');
  const link = await invite(page, 'colleague', { lang: 'en' });
  const theirs = await browser.newContext({ baseURL });
  const colleague = await theirs.newPage();
  await colleague.goto(link.replace(/^https?:\/\/[^/]+/, baseURL.replace(/\/$/, '')));
  await expect(colleague.locator('[data-screen="respond"]')).toHaveAttribute('data-kind', 'colleague');
  // The field engineer answers the first step only: the rival he saw on site (a partial
  // response is still a response).
  const first = fixtures.sections[0].questions;
  for (const q of first) await colleague.locator(`#${groupId(q)}-dk`).check();
  const steps = fixtures.sections.length;
  for (let i = 0; i < steps; i += 1) await colleague.locator('[data-action="respond-next"]').click();
  await colleague.locator('[data-action="finish-response"]').click();
  const responseLink = await colleague.locator('#response-link').inputValue();
  await expectNoViolations(colleague, 'colleague response ready (en)');
  await theirs.close();

  await page.goto(responseLink.replace(/^https?:\/\/[^/]+/, baseURL.replace(/\/$/, '')));
  await expect(page.locator('[data-screen="response"]')).toContainText('J-province railway telecom');
  await page.locator('[data-screen="response"] [data-action="attach-response"]').click();
  await expect(page.locator('[data-attached]')).toBeVisible();
  await page.goto('./#/account/b2');
  await expect(page.locator('[data-team-view]')).toHaveAttribute('data-colleagues', '1');
  await expect(page.locator('[data-team-view] [data-team="satisfaction"]')).toBeVisible();
  // Printed, the account page keeps what the responses show and drops the forms.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('[data-team-view]')).toBeVisible();
  await expect(page.locator('.invite-form')).toBeHidden();
  await expect(page.locator('.attach')).toBeHidden();
});

test('damaged, hostile and misplaced links and codes are refused with the reason', async ({ page }) => {
  await openApp(page);
  await page.goto('./#/respond/not-an-invitation');
  await expect(page.locator('[data-invitation="refused"] [role="alert"]')).toBeVisible();
  await seedAccounts(page, [accountRecord('b3', 'J-province railway telecom', ['incumbent-b'])]);
  await page.goto('./#/account/b3');
  const link = await invite(page, 'customer');
  // Hostile markup pasted as a code: refused, shown as text if at all, never run.
  await page.locator('#attach-text').fill('<img src=x onerror="document.title=\'pwned\'">');
  await page.locator('.attach [data-action="attach-response"]').click();
  await expect(page.locator('[data-eyes-message="refused"]')).toBeVisible();
  await expect(page.locator('[data-block="other-eyes"] img')).toHaveCount(0);
  expect(await page.title()).not.toBe('pwned');
  // An invitation pasted where a response belongs.
  await page.locator('#attach-text').fill(link);
  await page.locator('.attach [data-action="attach-response"]').click();
  await expect(page.locator('[data-eyes-message="refused"]')).toContainText('invitation');
  // A response link with one character changed.
  const payload = link.split('#/respond/')[1];
  await page.goto(`./#/response/R${payload.slice(1)}`);
  await expect(page.locator('[data-response="refused"]')).toBeVisible();
  await expect(page.locator('[data-screen="response"] [data-action="attach-response"]')).toHaveCount(0);
});
