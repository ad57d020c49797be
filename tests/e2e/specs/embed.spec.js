// Rapport inside an iframe on another origin (examples/embed.html served as the host page).
import { test, expect } from '@playwright/test';
import { hostPort } from '../playwright.config.js';
import { fixtures, scenario, radio, draftRecord, expectSummary, seedAccounts } from '../assess.js';

const host = `http://127.0.0.1:${hostPort}`;
const messages = (page, type) =>
  page.locator(`#log li[data-type="${type}"]`).evaluateAll((items) => items.map((li) => JSON.parse(li.textContent)));

test('the host page receives ready and resize, and can switch the language', async ({ page, baseURL }) => {
  const appOrigin = new URL(baseURL).origin;
  const origins = new Set();
  page.on('request', (r) => origins.add(new URL(r.url()).origin));
  await page.goto(`${host}/embed.html?app=${encodeURIComponent(baseURL)}&lang=zh`);
  const app = page.frameLocator('#rapport');

  await expect.poll(() => messages(page, 'ready')).toEqual([{ source: 'rapport', version: 1, type: 'ready', lang: 'zh' }]);
  await expect(app.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(app.locator('html')).toHaveClass(/embedded/);
  await expect(app.locator('header.site-header')).toBeHidden();

  // The iframe follows the content height.
  await expect.poll(async () => (await messages(page, 'resize')).length).toBeGreaterThan(0);
  const lastHeight = async () => (await messages(page, 'resize')).at(-1).height;
  const frameHeight = () => page.locator('#rapport').evaluate((el) => el.clientHeight);
  await expect.poll(async () => (await frameHeight()) === (await lastHeight())).toBe(true);
  // Not stuck at the frame's initial 600 px: the content decides.
  expect(await lastHeight()).not.toBe(600);

  // Commands from the named parent are obeyed.
  await page.locator('#lang-en').click();
  await expect(app.locator('html')).toHaveAttribute('lang', 'en');
  expect([...origins].sort()).toEqual([appOrigin, host].sort());
});

test('an assessment completed inside the iframe is posted to the host, without its name', async ({ page, baseURL }) => {
  // The draft is stored first (in the app's origin) with every section answered but the last,
  // so the test answers one section inside the frame rather than seventy questions.
  const s = scenario('incumbent-b');
  await page.goto(baseURL);
  await page.evaluate((record) => localStorage.setItem(`rapport.v1.account.${record.id}`, JSON.stringify(record)),
    draftRecord('emb1', 'Embedded Account', 'incumbent-b', fixtures.sections.length - 1));
  await page.goto(`${host}/embed.html?app=${encodeURIComponent(baseURL)}&lang=zh`);
  const app = page.frameLocator('#rapport');
  await app.locator('[data-account="emb1"] [data-action="resume"]').click();
  const last = fixtures.sections.at(-1);
  await expect(app.locator('.section-body')).toHaveAttribute('data-section', last.id);
  for (const id of last.questions) await expect(radio(app, id, s.answers[id])).toBeChecked();
  // Change one answer and back inside the frame, then finish there.
  const q = last.questions[0];
  await radio(app, q, 'dk').check();
  await radio(app, q, s.answers[q]).check();
  await app.locator('[data-action="finish"]').click();
  await expect(app.locator('[data-results]')).toBeVisible();
  await expect.poll(() => messages(page, 'completed')).toHaveLength(1);
  const [completed] = await messages(page, 'completed');
  const attrs = Object.fromEntries(
    Object.entries(completed.results).map(([k, v]) => [`data-${k.replaceAll('_', '-')}`, v === null ? '' : String(v)]),
  );
  expectSummary(attrs, s.summary);
  expect(JSON.stringify(completed)).not.toContain('Embedded Account');
});

test('with another origin named as parent, nothing is sent and commands are ignored', async ({ page, baseURL }) => {
  await page.goto(`${host}/embed.html?app=${encodeURIComponent(baseURL)}&lang=zh&parent=${encodeURIComponent('https://consultant.example')}`);
  const app = page.frameLocator('#rapport');
  await expect(app.locator('[data-screen="accounts"]')).toBeVisible();
  await page.locator('#lang-en').click();
  await page.waitForTimeout(500);
  await expect(app.locator('html')).toHaveAttribute('lang', 'zh-CN');
  expect(await page.locator('#log li').count()).toBe(0);
});

test('theme and accent parameters are applied with readable contrast', async ({ page, baseURL }) => {
  await page.goto(`${host}/embed.html?app=${encodeURIComponent(baseURL)}&theme=dark&accent=${encodeURIComponent('#ffcc00')}`);
  const app = page.frameLocator('#rapport');
  await expect(app.locator('html')).toHaveAttribute('data-theme', 'dark');
  const accent = await app.locator('html').evaluate((el) => getComputedStyle(el).getPropertyValue('--accent').trim());
  expect(accent).toMatch(/^#[0-9a-f]{6}$/);
  expect(accent).not.toBe('#ffcc00');
  const background = await app.locator('body').evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(background).not.toBe('rgb(243, 245, 248)');
});

test('a customer questionnaire answered inside the iframe posts its response to the host only', async ({ page, baseURL }) => {
  // The invitation, made on the inviter's device (here the app's own origin).
  // Stored, then the page reloaded: a same-document navigation would keep the app's state from
  // before the record existed, and the account page would fall back to home.
  await page.goto(baseURL);
  await seedAccounts(page, [draftRecord('emb2', 'Embedded Account', 'incumbent-b', 0)]);
  await page.goto(`${baseURL}#/account/emb2`);
  await page.locator('[data-action="invite"][data-kind="customer"]').click();
  const link = await page.locator('[data-invitation] input').inputValue();
  const payload = link.split('#/respond/')[1];
  const invitation = await page.locator('[data-invitation]').getAttribute('data-invitation');

  // A consulting website embeds the customer questionnaire.
  const app = new URL(baseURL);
  app.hash = `/respond/${payload}`;
  await page.goto(`${host}/embed.html?app=${encodeURIComponent(app.href)}`);
  const frame = page.frameLocator('#rapport');
  await expect(frame.locator('[data-screen="respond"]')).toBeVisible();
  await frame.locator('#r-c-product_quality-1').check();
  for (let step = 0; step < fixtures.customer.sections.length; step += 1) await frame.locator('[data-action="respond-next"]').click();
  await frame.locator('[data-action="finish-response"]').click();
  const code = await frame.locator('#response-code').inputValue();
  await expect.poll(() => messages(page, 'response')).toEqual([
    { source: 'rapport', version: 1, type: 'response', invitation, kind: 'customer', code },
  ]);
});
