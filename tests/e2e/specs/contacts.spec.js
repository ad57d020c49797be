// The stakeholder map (issue 16): add contacts, see the map and what it shows, mark one as left,
// delete and undo, and find the coverage findings in the action plan; the map as evidence beside
// the contact questions and as a contradiction in the results' confidence; Chinese and axe.
import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { test, expect, openApp } from '../fixtures.js';
import { accountRecord, seedAccounts } from '../assess.js';

async function expectNoViolations(page, screen) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const summary = violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
  expect(summary, `axe violations on ${screen}`).toEqual([]);
}

const stored = (page, id) => page.evaluate((key) => JSON.parse(localStorage.getItem(key)), `rapport.v1.account.${id}`);

/** The browser's local date, `YYYY-MM-DD`, `daysAgo` days back. */
const localDate = (page, daysAgo = 0) =>
  page.evaluate((d) => {
    const t = new Date(Date.now() - d * 86_400_000);
    return `${t.getFullYear()}-${String(t.getMonth() + 1).padStart(2, '0')}-${String(t.getDate()).padStart(2, '0')}`;
  }, daysAgo);

async function addContact(page, fields) {
  await page.locator('[data-action="add-contact"]').click();
  await expect(page.locator('#contact-name')).toBeFocused();
  for (const [id, value] of Object.entries(fields)) {
    const field = page.locator(`#contact-${id}`);
    if ((await field.evaluate((el) => el.tagName)) === 'SELECT') await field.selectOption(value);
    else await field.fill(value);
  }
  await page.locator('[data-action="save-contact"]').click();
}

test('map the buying centre, see the gaps, mark a departure, delete and undo, act on it', async ({ page }) => {
  test.setTimeout(60_000);
  await openApp(page);
  // Seed 004: Huawei after phase one at J-province railway telecom.
  await seedAccounts(page, [accountRecord('ct1', 'J-province railway telecom', ['huawei-phase-one'])]);
  await page.goto('./#/account/ct1');
  await expect(page.locator('[data-contacts-empty]')).toBeVisible();

  // Refused without a name: the reason is shown and nothing is added.
  await page.locator('[data-action="add-contact"]').click();
  await page.locator('[data-action="save-contact"]').click();
  await expect(page.locator('.contact-form [role="alert"]')).toContainText('name');
  await page.locator('.contact-form').getByRole('button', { name: 'Cancel' }).click();

  const recent = await localDate(page, 10);
  // The planning director: worked nights with us on the network plan.
  await addContact(page, {
    name: 'Zhou <b>Jianguo</b>', title: 'Planning director', function: 'technical', role: 'technical_evaluator',
    seniority: 'senior_manager', influence: 'high', attitude: 'champion', owner: 'Chen', 'last-met': recent,
  });
  // The general manager: B's top-level support sits with him, and nobody has met him.
  await addContact(page, {
    name: 'Zhao', title: 'General manager', function: 'management', role: 'economic_buyer',
    seniority: 'executive', influence: 'high', attitude: 'sceptic',
  });
  const contacts = page.locator('[data-block="contacts"] [data-contact]');
  await expect(contacts).toHaveCount(2);
  await expect(page.locator('#contacts-heading')).toBeFocused();
  // User text is text.
  await expect(contacts.first().locator('.contact-name')).toContainText('Zhou <b>Jianguo</b>');
  const map = page.locator('[data-stakeholder-map]');
  await expect(map.locator('[data-map-contact]')).toHaveCount(2);
  await expect(map.locator('svg[role="img"]')).toHaveAttribute('aria-labelledby', 'stakeholder-map-summary');
  // On the map is not covered: a sceptical general manager nobody has met is the opponent to win
  // over, and leaves the economic buyer and the top without a working relationship.
  await expect(page.locator('[data-coverage="influential-opponent"]')).toContainText('Zhao (General manager)');
  await expect(page.locator('[data-coverage="no-economic-buyer"]')).toContainText('Zhou <b>Jianguo</b> (Planning director)');
  await expect(page.locator('[data-coverage="no-executive"]')).toBeVisible();
  await expect(page.locator('[data-coverage="not-met"]')).toHaveCount(0);

  // Reload: both are stored; the general manager warms to neutral.
  await page.reload();
  await expect(contacts).toHaveCount(2);
  await contacts.nth(1).locator('[data-action="edit-contact"]').click();
  await expect(page.locator('#contact-name')).toHaveValue('Zhao');
  await page.locator('#contact-attitude').selectOption('neutral');
  await page.locator('[data-action="save-contact"]').click();
  await expect(page.locator('[data-coverage="influential-opponent"]')).toHaveCount(0);
  // Neutral now, and still never met: the key person to see.
  await expect(page.locator('[data-coverage="not-met"]')).toContainText('Zhao');

  // The champion leaves: kept, dated, and a finding.
  await contacts.first().locator('[data-action="contact-left"]').click();
  await expect(page.locator('[data-contact][data-left="true"]')).toHaveCount(1);
  await expect(page.locator('[data-coverage="champion-left"]')).toContainText('Zhou');
  let record = await stored(page, 'ct1');
  expect(record.contacts.map((c) => [c.name, c.left_on ?? ''])).toEqual([['Zhou <b>Jianguo</b>', await localDate(page)], ['Zhao', '']]);

  // Delete, then undo within the ten seconds.
  await page.locator('[data-contact]', { hasText: 'Zhao' }).locator('[data-action="delete-contact"]').click();
  await expect(contacts).toHaveCount(1);
  expect(Object.keys((await stored(page, 'ct1')).contacts_removed)).toHaveLength(1);
  await page.locator('[data-action="undo-delete-contact"]').click();
  await expect(contacts).toHaveCount(2);
  record = await stored(page, 'ct1');
  expect(record.contacts.map((c) => c.name)).toEqual(['Zhou <b>Jianguo</b>', 'Zhao']);

  // The latest results: the coverage findings are in the action plan, with whom to see.
  await page.goto('./#/results/ct1/ct1-s0');
  const left = page.locator('[data-block="actions"] li[data-action-id="coverage.champion-left"]');
  await expect(left).toHaveCount(1);
  if (await left.isHidden()) await page.locator('[data-block="actions"] button[aria-expanded="false"]').click();
  await expect(left).toBeVisible();
  await expect(left.locator('[data-who]')).toContainText('Zhou <b>Jianguo</b>');
  await left.locator('[data-action="adopt"]').click();
  await expect(left.locator('[data-action="adopt"]')).toHaveAttribute('data-adopted', 'true');
  record = await stored(page, 'ct1');
  expect(record.plan.map((p) => [p.action, p.lever])).toEqual([['coverage.champion-left', 'warning.contact_change']]);

  // Nothing of the map in the share link's view, and the export says the file holds contacts.
  await page.locator('[data-action="share"]').click();
  const link = await page.locator('#share-link').inputValue();
  await page.goto(link);
  await expect(page.locator('[data-shared]')).toBeVisible();
  await expect(page.locator('[data-action-id^="coverage."]')).toHaveCount(0);
  await expect(page.locator('text=Zhou')).toHaveCount(0);
  await page.goto('./#/');
  await expect(page.locator('[data-export-note="contacts"]')).toBeVisible();
});

test('the map is evidence beside the contact questions and contradicts claimed top-level ties', async ({ page }) => {
  test.setTimeout(60_000);
  await openApp(page);
  // Seed 004's incumbent B: its KAM claims ties at the top (through the ministry), but the people
  // B deals with at the account are the maintenance chief and a purchasing clerk.
  const record = accountRecord('ct2', 'Incumbent B', ['incumbent-b']);
  record.v = 3;
  record.contacts = [
    { id: 'm1', name: 'Maintenance chief', function: 'operations', role: 'user', seniority: 'manager', influence: 'medium', attitude: 'supporter', last_met: await localDate(page, 5), created_ms: 1, updated_ms: 1 },
    { id: 'm2', name: 'Purchasing clerk', function: 'purchasing', role: 'gatekeeper', seniority: 'staff', influence: 'low', attitude: 'neutral', created_ms: 2, updated_ms: 2 },
    // The planning engineer who coached B's team retired three weeks ago.
    { id: 'm3', name: 'Planning engineer', function: 'technical', role: 'coach', seniority: 'manager', influence: 'medium', attitude: 'supporter', left_on: await localDate(page, 20), created_ms: 3, updated_ms: 3 },
  ];
  await seedAccounts(page, [record]);
  await page.goto('./#/results/ct2/ct2-s0');
  const conflict = page.locator('[data-block="confidence"] [data-inconsistency="executive_not_mapped"]');
  await expect(conflict).toBeVisible();
  await expect(conflict).toHaveAttribute('data-map-conflict', 'lvl_contacts sw_exec_channel sw_personal_ties');
  // B's KAM also answered "no changes in key contacts", with its only coach gone.
  await expect(page.locator('[data-inconsistency="contact_change_not_seen"]')).toHaveAttribute('data-map-conflict', 'warn_contacts');
  await expect(page.locator('[data-block="actions"] [data-action-id="coverage.champion-left"]')).toHaveCount(1);
  // Two people, neither the economic buyer: in the action plan (beyond the first seven shown).
  await expect(page.locator('[data-block="actions"] [data-action-id="coverage.single-threaded"]')).toHaveCount(1);
  await expect(page.locator('[data-block="actions"] [data-action-id="coverage.no-economic-buyer"]')).toHaveCount(1);

  // Re-assess: the contact questions show the map's facts; the answers stay the user's.
  await page.goto('./#/');
  await page.locator('.account-card[data-account="ct2"] [data-action="reassess"]').click();
  const evidence = page.locator('[data-question="lvl_contacts"] [data-evidence="lvl_contacts"]');
  for (let i = 0; i < 4 && !(await evidence.isVisible()); i += 1) {
    await page.locator('[data-action="next"]').click();
  }
  await expect(evidence).toContainText('Contacts at the customer: 2');
  await expect(evidence).toContainText('No executive on the map');
  await expect(page.locator('[data-question="lvl_contacts"] input[type="radio"]:checked')).toHaveCount(0);
  await expectNoViolations(page, 'questionnaire with map evidence (en)');
});

test('the stakeholder map reads in Chinese, is axe-clean in both languages, and has its own CSV', async ({ page }) => {
  await openApp(page);
  const record = accountRecord('ct3', '铁通', ['huawei-phase-one']);
  record.v = 3;
  record.contacts = [
    { id: 'z1', name: '周建国', title: '网络规划部主任', function: 'technical', role: 'technical_evaluator', seniority: 'senior_manager', influence: 'high', attitude: 'champion', owner: '陈经理', last_met: '2020-01-01', created_ms: 1, updated_ms: 1 },
    { id: 'z2', name: '=HYPERLINK("x")', function: 'finance', seniority: 'staff', influence: 'low', attitude: 'opponent', left_on: '2020-02-01', created_ms: 2, updated_ms: 2 },
  ];
  await seedAccounts(page, [record, accountRecord('ct3b', '无图谱客户', ['incumbent-b'])]);
  await page.goto('./#/account/ct3');
  await expect(page.locator('[data-stakeholder-map]')).toBeVisible();
  await expectNoViolations(page, 'stakeholder map (en)');
  await page.locator('[data-action="add-contact"]').click();
  await expectNoViolations(page, 'contact form (en)');
  await page.locator('.contact-form').getByRole('button', { name: 'Cancel' }).click();

  await page.getByRole('button', { name: '简体中文' }).click();
  await expect(page.locator('#contacts-heading')).toHaveText('客户关系图谱');
  await expect(page.locator('[data-coverage="not-met"]')).toContainText('周建国（网络规划部主任）');
  await expectNoViolations(page, 'stakeholder map (zh)');
  await page.locator('[data-action="add-contact"]').click();
  await expectNoViolations(page, 'contact form (zh)');
  await page.locator('.contact-form').getByRole('button', { name: '取消' }).click();

  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-action="export-contacts-csv"]').click()]);
  expect(download.suggestedFilename()).toMatch(/^rapport-contacts-.*\.csv$/);
  const text = (await (await download.createReadStream()).toArray()).join('');
  const lines = text.replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);
  expect(lines).toHaveLength(3);
  expect(lines[1]).toContain('ct3,铁通,z1,周建国,网络规划部主任,technical,technical_evaluator,senior_manager,high,champion,陈经理,2020-01-01');
  expect(lines[2]).toContain(`z2,"'=HYPERLINK(""x"")",,finance,,staff,low,opponent`);

  // The portfolio counts the map's gaps; an account without a map says so instead of a number.
  await page.goto('./#/portfolio');
  await expect(page.locator('tr[data-account="ct3"] [data-col="map-gaps"]')).toHaveText(/^\d+$/);
  await expect(page.locator('tr[data-account="ct3b"] [data-col="map-gaps"]')).toHaveText('未建图谱');
});

test('a contact is added from the keyboard alone, and the map prints without its controls', async ({ page }) => {
  await openApp(page);
  await seedAccounts(page, [accountRecord('ct4', 'Keyboard Co', ['huawei-phase-one'])]);
  await page.goto('./#/account/ct4');
  await page.locator('[data-action="add-contact"]').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#contact-name')).toBeFocused();
  await page.keyboard.type('Li Na');
  await page.keyboard.press('Tab');
  await expect(page.locator('#contact-title')).toBeFocused();
  await page.keyboard.type('Chief engineer');
  // Function, role, seniority: the selects take their value from the keyboard too.
  await page.keyboard.press('Tab');
  await expect(page.locator('#contact-function')).toBeFocused();
  await page.locator('#contact-function').press('t');
  await expect(page.locator('#contact-function')).toHaveValue('technical');
  // Enter in a text field submits the form; focus returns to the map's heading.
  await page.locator('#contact-title').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#contacts-heading')).toBeFocused();
  await expect(page.locator('[data-contact]')).toHaveCount(1);
  await expect(page.locator('[data-contact]')).toHaveAttribute('data-left', 'false');

  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('[data-stakeholder-map] svg')).toBeVisible();
  await expect(page.locator('[data-coverage-list]')).toBeVisible();
  await expect(page.locator('[data-action="add-contact"]')).toBeHidden();
  await expect(page.locator('[data-action="edit-contact"]')).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
});

test('200 accounts × 15 contacts and a 20-item plan: the account page and the portfolio render; the times are printed', async ({ page }) => {
  test.setTimeout(90_000);
  await openApp(page);
  const roles = ['economic_buyer', 'technical_evaluator', 'user', 'coach', 'gatekeeper'];
  const seniorities = ['executive', 'senior_manager', 'manager', 'staff'];
  const attitudes = ['champion', 'supporter', 'neutral', 'sceptic', 'opponent'];
  const records = Array.from({ length: 200 }, (_, a) => {
    const r = accountRecord(`big${a}`, `Account ${a}`, ['huawei-phase-one']);
    r.v = 3;
    r.contacts = Array.from({ length: 15 }, (_, c) => ({
      id: `c${c}`, name: `Contact ${a}-${c}`, title: 'Director of something important', function: 'technical',
      role: roles[c % 5], seniority: seniorities[c % 4], influence: 'medium', attitude: attitudes[c % 5],
      owner: `Owner ${c % 3}`, last_met: '2026-06-01', created_ms: c + 1, updated_ms: c + 1,
    }));
    // Issue 15's figure too: every account holds a plan, some of it overdue.
    r.plan = Array.from({ length: 20 }, (_, i) => ({
      id: `p${i}`, title: `Quarterly business review with the plant's purchasing and quality leads #${i}`,
      lever: 'safeguard.communication', owner: 'Wang Lei', due: i % 4 ? '2030-03-31' : '2020-03-31',
      status: 'planned', measure: 'Review held, minutes shared', created_ms: 100 + i, updated_ms: 100 + i,
    }));
    return r;
  });
  await seedAccounts(page, records);
  const bytes = await page.evaluate(() => Object.keys(localStorage).reduce((n, k) => n + k.length + localStorage.getItem(k).length, 0));
  const timed = async (hash, ready) => {
    await page.goto('./#/');
    await expect(page.locator('.account-card').first()).toBeVisible();
    return page.evaluate(async ([h, sel]) => {
      const t0 = performance.now();
      location.hash = h;
      while (!document.querySelector(sel)) await new Promise((r) => requestAnimationFrame(r));
      return Math.round(performance.now() - t0);
    }, [hash, ready]);
  };
  const account = await timed('#/account/big7', '[data-stakeholder-map] [data-map-contact]');
  await expect(page.locator('[data-block="contacts"] [data-contact]')).toHaveCount(15);
  await expect(page.locator('[data-block="plan"] [data-plan-item]')).toHaveCount(20);
  const portfolio = await timed('#/portfolio', '[data-portfolio] tbody tr:nth-child(200)');
  await expect(page.locator('tr[data-account="big7"] [data-col="overdue"]')).toHaveText('5');
  // The sales leader's view of the maps: gaps per account, sortable.
  await expect(page.locator('tr[data-account="big7"] [data-col="map-gaps"]')).toHaveText(/^\d+$/);
  await page.locator('[data-sort="map-gaps"]').click();
  await expect(page.locator('th[aria-sort="ascending"] [data-sort="map-gaps"]')).toBeVisible();
  const line = `200 accounts × 15 contacts and a 20-item plan: account page ${account} ms, portfolio ${portfolio} ms from click to rendered (overdue counted); storage ${(bytes / 1000).toFixed(0)}k characters`;
  console.log(line);
  fs.mkdirSync('.results', { recursive: true });
  fs.writeFileSync('.results/contacts-render.txt', `${line}\n`);
  expect(account).toBeLessThan(5_000);
  expect(portfolio).toBeLessThan(10_000);
});
