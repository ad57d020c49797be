// Team sync (issue 20) against a CouchDB stand-in on the app's own origin (tests/sync/server.mjs):
// two members' browsers (two contexts) share an account, edit it offline, and merge answer by
// answer; the same answer changed on both is asked about and the choice reaches the other; a
// wrong password and a member removed from the database pause sync without touching local data;
// a hostile document another client wrote is kept aside and never applied; a conflict made on
// the server, a 409 between pull and push and a write the server's validation refuses are each
// resolved or reported with nothing lost; a server stopped and restarted empty gets everything
// again; the team view names owners and assessors; signing out says what goes and offers an
// export first. Each test has a database and members of its own (the restart test a server of
// its own), so tests never see each other's data.
import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { test, expect, openApp } from '../fixtures.js';
import { accountRecord, draftRecord, fixtures, radio, seedAccounts, startAssessment } from '../assess.js';
import { fillStorage, freeStorage } from '../quota.js';
import { syncPort } from '../playwright.config.js';

const base = `http://127.0.0.1:${syncPort}`;
const admin = 'Basic ' + Buffer.from('admin:adminpw').toString('base64');
// The first round of a device finds no checkpoint (404), a wrong password is 401, a removed
// member 403, and a round while offline fails to fetch: the browser logs each as a console error,
// which is the protocol, not a fault.
test.use({ baseURL: `${base}/`, expectedConsoleErrors: [/status of 40[134]|net::ERR_(FAILED|INTERNET_DISCONNECTED|CONNECTION_REFUSED)/] });

async function couch(method, path, body, at = base) {
  const res = await fetch(`${at}/couch/${path}`, {
    method,
    headers: { Authorization: admin, 'Content-Type': 'application/json', Accept: 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json();
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/** A team database with its design document (as docs/SYNC.md installs it) and two members. */
async function team(info) {
  const tag = `${info.workerIndex}-${Date.now().toString(36)}`;
  const db = `team-${tag}`;
  const role = `role-${tag}`;
  const members = [`ana-${tag}`, `ben-${tag}`];
  for (const name of members) {
    await couch('PUT', `_users/org.couchdb.user:${name}`, { _id: `org.couchdb.user:${name}`, name, password: 'pw-' + name, roles: [role], type: 'user' });
  }
  await couch('PUT', db);
  await couch('PUT', `${db}/_security`, { admins: { names: [], roles: [] }, members: { names: [], roles: [role] } });
  const { designDocument } = await import('../../../couchdb/design.mjs');
  await couch('PUT', `${db}/_design/rapport`, designDocument());
  return { db, url: `/couch/${db}/`, members };
}

async function signIn(page, url, user, password = 'pw-' + user) {
  await page.goto('./#/sync');
  await expect(page.locator('[data-screen="sync"]')).toBeVisible();
  await page.locator('[data-field="sync-url"]').fill(url);
  await page.locator('[data-field="sync-user"]').fill(user);
  await page.locator('[data-field="sync-password"]').fill(password);
  await page.locator('[data-action="sync-on"]').click();
}

const status = (page) => page.locator('[data-sync-status]');

/** Runs a round from the settings screen and waits until nothing waits to be sent. */
async function syncNow(page) {
  await page.goto('./#/sync');
  await page.locator('[data-action="sync-now"]').click();
  await expect(status(page)).toHaveAttribute('data-sync-status', 'synced');
  await expect(status(page)).toHaveAttribute('data-sync-waiting', '0');
}

const accountId = (page) =>
  page.evaluate(() => Object.keys(localStorage).find((k) => k.startsWith('rapport.v1.account.')).slice('rapport.v1.account.'.length));

async function answerFirstSection(page, answers) {
  await page.goto(`./#/assess/${await accountId(page)}`);
  await expect(page.locator('[data-screen="questionnaire"]')).toBeVisible();
  for (const [q, v] of Object.entries(answers)) await radio(page, q, v).check();
}

async function expectAnswers(page, answers) {
  await page.goto(`./#/assess/${await accountId(page)}`);
  await expect(page.locator('[data-screen="questionnaire"]')).toBeVisible();
  for (const [q, v] of Object.entries(answers)) await expect(radio(page, q, v), `${q} = ${v}`).toBeChecked();
}

test('two members merge offline edits answer by answer, and a conflict asks and reaches the other', async ({ page, browser }, info) => {
  test.setTimeout(120_000);
  const { url, members: [ana, ben] } = await team(info);
  const [q0, q1, q2, q3] = fixtures.sections[0].questions;

  // Ana starts an assessment and shares it.
  await openApp(page);
  await startAssessment(page, 'J-province railway telecom');
  await answerFirstSection(page, { [q0]: 2 });
  await signIn(page, url, ana);
  await expect(status(page)).toHaveAttribute('data-sync-status', 'synced');
  await expect(status(page)).toHaveAttribute('data-sync-waiting', '0');

  // Ben, on his own laptop, signs in and gets it.
  const benContext = await browser.newContext();
  const benPage = await benContext.newPage();
  await benPage.goto('./');
  await signIn(benPage, url, ben);
  await expect(status(benPage)).toHaveAttribute('data-sync-status', 'synced');
  await benPage.goto('./');
  await expect(benPage.locator('[data-account]').filter({ hasText: 'J-province railway telecom' })).toBeVisible();
  await expectAnswers(benPage, { [q0]: 2 });

  // Both on a plane: different answers, and one answer both change.
  await page.context().setOffline(true);
  await benContext.setOffline(true);
  await answerFirstSection(page, { [q1]: 3, [q3]: 0 });
  await answerFirstSection(benPage, { [q2]: 1, [q3]: 4 });
  await page.goto('./#/sync');
  await page.locator('[data-action="sync-now"]').click();
  await expect(status(page)).toHaveAttribute('data-sync-status', 'offline');
  await expect(status(page)).toHaveAttribute('data-sync-waiting', '1');

  // Back online, Ana first (coming online starts a round by itself): Ben's round is the one that
  // merges, and asks about the one answer.
  await page.context().setOffline(false);
  await syncNow(page);
  await benContext.setOffline(false);
  await syncNow(benPage);
  const conflict = benPage.locator(`[data-conflict="answer:${q3}"]`);
  await expect(conflict).toBeVisible();
  await expect(status(benPage)).toHaveAttribute('data-sync-conflicts', '1');
  await expect(conflict.locator('[data-side="theirs"]')).not.toBeEmpty();
  const { violations } = await new AxeBuilder({ page: benPage }).analyze();
  expect(violations.map((v) => v.id), 'axe on the conflict screen').toEqual([]);

  // Ben keeps Ana's answer; it reaches both.
  await conflict.locator('[data-action="keep-theirs"]').click();
  await expect(benPage.locator('[data-conflict]')).toHaveCount(0);
  await syncNow(benPage);
  await syncNow(page);
  const merged = { [q0]: 2, [q1]: 3, [q2]: 1, [q3]: 0 };
  await expectAnswers(page, merged);
  await expectAnswers(benPage, merged);
  await benContext.close();
});

test('a wrong password and a member removed pause sync and leave local data alone', async ({ page }, info) => {
  test.setTimeout(60_000);
  const { url, members: [ana] } = await team(info);
  await openApp(page);
  await startAssessment(page, 'Acme rail');
  await signIn(page, url, ana, 'not-the-password');
  await expect(page.locator('[data-sync-message]')).toContainText('Wrong user name or password');
  // Nothing typed and no session in the browser: it asks for a password or a token.
  await page.locator('[data-field="sync-password"]').fill('');
  await page.locator('[data-action="sync-on"]').click();
  await expect(page.locator('[data-sync-message]')).toContainText('Type your password, or paste a sign-in token');
  await expect(status(page)).toHaveAttribute('data-sync-status', 'off');
  for (const lang of ['zh', 'en']) {
    await page.locator(`[data-lang="${lang}"]`).click();
    await expect(page.locator('html')).toHaveAttribute('lang', lang === 'zh' ? 'zh-CN' : 'en');
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.map((v) => v.id), `axe on the sync settings (${lang})`).toEqual([]);
  }

  await signIn(page, url, ana);
  await expect(status(page)).toHaveAttribute('data-sync-status', 'synced');
  // The administrator takes Ana off the team.
  const user = await couch('GET', `_users/org.couchdb.user:${ana}`);
  await couch('PUT', `_users/org.couchdb.user:${ana}`, { ...user, roles: [] });
  await page.locator('[data-action="sync-now"]').click();
  await expect(status(page)).toHaveAttribute('data-sync-status', 'paused');
  await expect(status(page)).toContainText('refuses this user');
  await page.goto('./');
  await expect(page.locator('[data-account]').filter({ hasText: 'Acme rail' })).toBeVisible();
});

test('a hostile document written by another client is kept aside and never applied', async ({ page }, info) => {
  test.setTimeout(60_000);
  const { db, url, members: [ana] } = await team(info);
  // Shaped well enough for the server (an admin's write), but its answer names an option the
  // question does not have and its name is markup: the app refuses it like a bad import.
  const q0 = fixtures.sections[0].questions[0];
  const at = fixtures.answer_order.indexOf(q0);
  await couch('PUT', `${db}/account:evil1`, {
    type: 'rapport.account', owner: 'admin', by: 'admin', at: 1,
    record: {
      v: 3, id: 'evil1', name: '<img src=x onerror=alert(1)>', created_ms: 1,
      assessments: [{ id: 's1', bank_version: fixtures.bank_version, started_ms: 1, updated_ms: 1, answers: '.'.repeat(at) + '9', cursor: { section: 0 } }],
    },
  });
  await openApp(page);
  await signIn(page, url, ana);
  await expect(status(page)).toHaveAttribute('data-sync-status', 'synced');
  await expect(page.locator('[data-kept="account:evil1"]')).toContainText('unknown');
  await page.goto('./');
  await expect(page.locator('[data-account]')).toHaveCount(0);
});

test('the team view: owners on cards and rows, a filter by owner, and who completed each assessment', async ({ page, browser }, info) => {
  test.setTimeout(120_000);
  const { url, members: [ana, ben] } = await team(info);
  const seed = fixtures.scenarios[0].name;
  // The service worker leaves the team database to the network: no reply comes from it.
  const fromWorker = [];
  page.on('response', (r) => r.url().includes('/couch/') && r.fromServiceWorker() && fromWorker.push(r.url()));
  await openApp(page);
  await seedAccounts(page, [accountRecord('acctA', 'Ana Rail', [seed])]);
  await signIn(page, url, ana);
  await expect(status(page)).toHaveAttribute('data-sync-status', 'synced');

  const benContext = await browser.newContext();
  const benPage = await benContext.newPage();
  await openApp(benPage);
  await seedAccounts(benPage, [accountRecord('acctB', 'Ben Telecom', [seed])]);
  await signIn(benPage, url, ben);
  await expect(status(benPage)).toHaveAttribute('data-sync-status', 'synced');
  await expect(status(benPage)).toHaveAttribute('data-sync-waiting', '0');
  await syncNow(page);

  await page.goto('./');
  await expect(page.locator('[data-account="acctA"]')).toHaveAttribute('data-owner', ana);
  const bens = page.locator('[data-account="acctB"]');
  await expect(bens).toHaveAttribute('data-owner', ben);
  await expect(bens.locator('.account-owner')).toHaveText(`Owner: ${ben}`);

  await page.goto('./#/portfolio');
  await expect(page.locator('tr[data-owner]')).toHaveCount(2);
  const filter = page.locator('#filter-owner');
  await expect(filter.locator('option')).toHaveText(['All', `Mine (${ana})`, ben]);
  await filter.selectOption(ben);
  await expect(page.locator('[data-screen="portfolio"]')).toHaveAttribute('data-rows', '1');
  await expect(page.locator('tr[data-owner]')).toHaveAttribute('data-account', 'acctB');
  await filter.selectOption(ana);
  await expect(page.locator('tr[data-owner]')).toHaveAttribute('data-account', 'acctA');
  for (const lang of ['zh', 'en']) {
    await page.locator(`[data-lang="${lang}"]`).click();
    await expect(page.locator('html')).toHaveAttribute('lang', lang === 'zh' ? 'zh-CN' : 'en');
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.map((v) => v.id), `axe on the team portfolio (${lang})`).toEqual([]);
  }

  // Ben's account on Ana's device says whose it is and who completed its assessment.
  await page.goto('./#/account/acctB');
  await expect(page.locator('[data-screen="account"]')).toHaveAttribute('data-owner', ben);
  await expect(page.locator('[data-assessment="acctB-s0"] [data-assessed-by]')).toHaveAttribute('data-assessed-by', ben);
  expect(fromWorker, 'sync requests answered by the service worker').toEqual([]);
  await benContext.close();
});

test('signing out says what goes, offers an export of it, and removes only the team\'s accounts', async ({ page, context }, info) => {
  test.setTimeout(90_000);
  const { db, url, members: [ana] } = await team(info);
  const seed = fixtures.scenarios[0].name;
  await openApp(page);
  await seedAccounts(page, [draftRecord('acctA', 'Shared Rail', seed, 0)]);
  await signIn(page, url, ana);
  await expect(status(page)).toHaveAttribute('data-sync-status', 'synced');
  await expect(status(page)).toHaveAttribute('data-sync-waiting', '0');

  // Offline: a change to the shared account that the team has not got, and an account made here.
  await context.setOffline(true);
  const q0 = fixtures.sections[0].questions[0];
  await page.goto('./#/assess/acctA');
  const unchecked = page.locator(`input[name="q-${q0}"]:not(:checked)`).first();
  await unchecked.check();
  await page.goto('./');
  await startAssessment(page, 'Only Here Ltd');

  await page.goto('./#/sync');
  await page.locator('[data-action="sync-sign-out"]').click();
  const plan = page.locator('[data-sign-out-plan]');
  await expect(plan).toHaveAttribute('data-sign-out-plan', '1');
  await expect(plan).toHaveAttribute('data-sign-out-unsent', '1');
  await expect(plan).toContainText('Shared Rail');
  await expect(plan).not.toContainText('Only Here Ltd');
  await expect(plan).toContainText('never sent to the team database stay on this device (1)');
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => v.id), 'axe on the sign-out check').toEqual([]);

  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-action="sync-export"]').click()]);
  const exported = readFileSync(await download.path(), 'utf8');
  expect(JSON.parse(exported).accounts.map((a) => a.name)).toEqual(['Shared Rail']);

  await page.locator('[data-action="sync-sign-out-confirm"]').click();
  await expect(page.locator('[data-sync-message]')).toContainText('Signed out');
  await expect(status(page)).toHaveAttribute('data-sync-status', 'off');
  await page.goto('./');
  await expect(page.locator('[data-account]')).toHaveCount(1);
  await expect(page.locator('[data-account]')).toContainText('Only Here Ltd');
  const keys = await page.evaluate(() => Object.keys(localStorage));
  expect(keys).not.toContain('rapport.v1.account.acctA');
  expect(keys).not.toContain('rapport.v1.sync.state');
  // The team database keeps the account.
  expect((await couch('GET', `${db}/account:acctA`)).record.name).toBe('Shared Rail');
  // Back online, nothing comes back and nothing is deleted on the server.
  await context.setOffline(false);
  await page.reload();
  await expect(page.locator('[data-account]')).toHaveCount(1);
  expect((await couch('GET', `${db}/account:acctA`)).record.name).toBe('Shared Rail');
});

/** The account's document as the server holds it now, with its conflicts and revision history. */
const serverDoc = (db, id) => couch('GET', `${db}/account:${id}?conflicts=true&revs=true`);

/** The draft's stored answer at a question on the server ('.' for none). */
const serverAnswer = (doc, q) => doc.record.assessments.find((a) => !a.completed_ms).answers[fixtures.answer_order.indexOf(q)] ?? '.';

/** Ana's shared account with one answer, synced; returns its id. */
async function shareOne(page, url, ana, q0, password) {
  await openApp(page);
  await startAssessment(page, 'Northern Grid');
  await answerFirstSection(page, { [q0]: 2 });
  await signIn(page, url, ana, password);
  await expect(status(page)).toHaveAttribute('data-sync-status', 'synced');
  await expect(status(page)).toHaveAttribute('data-sync-waiting', '0');
  return accountId(page);
}

test('a conflict made on the server directly is merged on the winner, its loser deleted, nothing lost', async ({ page }, info) => {
  test.setTimeout(60_000);
  const { db, url, members: [ana] } = await team(info);
  const [q0, q1] = fixtures.sections[0].questions;
  const id = await shareOne(page, url, ana, q0);

  // Another replica (a second server replicating into this one) wrote a sibling revision: the
  // account renamed. CouchDB now holds two leaves of the document.
  const doc = await serverDoc(db, id);
  const sibling = { ...doc, record: { ...doc.record, name: 'Northern Grid Holdings', details_ms: Date.now() } };
  const hash = 'f'.repeat(32);
  sibling._rev = `${doc._revisions.start}-${hash}`;
  sibling._revisions = { start: doc._revisions.start, ids: [hash, ...doc._revisions.ids.slice(1)] };
  delete sibling._conflicts;
  await couch('POST', `${db}/_bulk_docs`, { docs: [sibling], new_edits: false });
  expect((await serverDoc(db, id))._conflicts, 'the server holds a conflict').toHaveLength(1);

  // Meanwhile Ana answers another question; her next round meets the conflict.
  await answerFirstSection(page, { [q1]: 3 });
  await syncNow(page);
  const after = await serverDoc(db, id);
  expect(after._conflicts, 'the losing revision is deleted').toBeUndefined();
  expect(after.record.name).toBe('Northern Grid Holdings');
  expect(serverAnswer(after, q0)).toBe('2');
  expect(serverAnswer(after, q1)).toBe('3');
  await page.goto('./');
  await expect(page.locator(`[data-account="${id}"] .account-name`)).toHaveText('Northern Grid Holdings');
  await expectAnswers(page, { [q0]: 2, [q1]: 3 });
  await expect(page.locator('[data-sync-conflicts]')).toHaveAttribute('data-sync-conflicts', '0');
});

test('a 409 between pull and push is merged and pushed again', async ({ page }, info) => {
  test.setTimeout(60_000);
  const { db, url, members: [ana] } = await team(info);
  const [q0, q1] = fixtures.sections[0].questions;
  const id = await shareOne(page, url, ana, q0);
  await answerFirstSection(page, { [q1]: 3 });

  // The administrator renames the account just after Ana's round has read the changes and just
  // before its push lands: the push meets a newer revision (409).
  let raced = false;
  await page.route('**/_bulk_docs', async (route) => {
    if (!raced) {
      raced = true;
      const doc = await serverDoc(db, id);
      delete doc._revisions;
      await couch('PUT', `${db}/account:${id}`, { ...doc, by: 'admin', record: { ...doc.record, name: 'Northern Grid Renamed', details_ms: Date.now() } });
    }
    await route.continue();
  });
  await syncNow(page);
  expect(raced, 'the push was raced').toBe(true);
  const after = await serverDoc(db, id);
  expect(after.record.name).toBe('Northern Grid Renamed');
  expect(serverAnswer(after, q1)).toBe('3');
  expect(after.by).toBe(ana);
  await page.goto('./');
  await expect(page.locator(`[data-account="${id}"] .account-name`)).toHaveText('Northern Grid Renamed');
});

test('a write refused by the server\'s validate_doc_update is reported, kept here, and sent once allowed', async ({ page }, info) => {
  test.setTimeout(60_000);
  const { db, url, members: [ana] } = await team(info);
  const [q0, q1] = fixtures.sections[0].questions;
  const id = await shareOne(page, url, ana, q0);

  // The administrator freezes the database for an audit with a second validation function.
  const audit = await couch('PUT', `${db}/_design/audit`, {
    validate_doc_update: "function (doc, old, user) { if (user.roles.indexOf('_admin') < 0) throw { forbidden: 'the team database is frozen for the quarterly audit' }; }",
  });
  await answerFirstSection(page, { [q1]: 3 });
  await page.goto('./#/sync');
  await page.locator('[data-action="sync-now"]').click();
  await expect(status(page)).toHaveAttribute('data-sync-status', 'error');
  await expect(status(page)).toContainText('refused by the server');
  await expect(status(page)).toHaveAttribute('data-sync-waiting', '1');
  await expect(page.locator(`[data-kept="account:${id}"]`)).toContainText('frozen for the quarterly audit');
  expect(serverAnswer(await serverDoc(db, id), q1)).toBe('.');
  await expectAnswers(page, { [q0]: 2, [q1]: 3 });

  // The audit is over: the change goes, and the refusal leaves the list.
  await couch('DELETE', `${db}/_design/audit?rev=${audit.rev}`);
  await syncNow(page);
  await expect(page.locator('[data-kept]')).toHaveCount(0);
  expect(serverAnswer(await serverDoc(db, id), q1)).toBe('3');
});

// Servers of the test's own (one set per worker, so repeated runs side by side never share a
// port): the restart test stops one and starts it again empty.
const portOf = (info, offset) => syncPort + offset + 2 * info.parallelIndex;
const restartBase = (info) => `http://127.0.0.1:${portOf(info, 10)}`;

/** Starts a server script and resolves once it prints `ready`. */
function start(args, env, ready) {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => String(d).includes(ready) && resolve(child));
    child.once('exit', (code) => reject(new Error(`${args[0]} exited with ${code}`)));
  });
}

const startServer = (info) => start(['../sync/server.mjs', String(portOf(info, 10))], { DIST: '../../dist' }, 'READY');

function stopServer(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
}

test.describe('a server that stops', () => {
  test.use({ baseURL: async ({}, use, info) => use(`${restartBase(info)}/`) });

  test('stopped mid-sync keeps the edits and retries; restarted empty receives everything again', async ({ page }, info) => {
    test.setTimeout(90_000);
    let server = await startServer(info);
    try {
      const [q0, q1] = fixtures.sections[0].questions;
      // The server seeds one team database and its members (tests/sync/server.mjs).
      const id = await shareOne(page, '/couch/rapport-team/', 'ana', q0, 'anapw');

      // The server goes down in the middle of a round: it has answered the changes, and dies
      // as the push goes out. Ana keeps working.
      await answerFirstSection(page, { [q1]: 3 });
      let killed = false;
      await page.route('**/_bulk_docs', async (route) => {
        if (!killed) {
          killed = true;
          await stopServer(server);
        }
        await route.continue();
      });
      await page.goto('./#/sync');
      await page.locator('[data-action="sync-now"]').click();
      await expect(status(page)).toHaveAttribute('data-sync-status', 'offline');
      await expect(status(page)).toHaveAttribute('data-sync-waiting', '1');
      expect(killed, 'the server stopped during the push').toBe(true);
      await page.unroute('**/_bulk_docs');
      await expectAnswers(page, { [q0]: 2, [q1]: 3 });

      // It comes back restored from nothing. Its sessions are gone with it, so Ana signs in again;
      // her device finds its checkpoint missing and sends everything.
      server = await startServer(info);
      await page.goto('./#/sync');
      await page.locator('[data-action="sync-now"]').click();
      await expect(status(page)).toHaveAttribute('data-sync-status', /paused|synced/);
      if ((await status(page).getAttribute('data-sync-status')) === 'paused') {
        await signIn(page, '/couch/rapport-team/', 'ana', 'anapw');
      }
      await expect(status(page)).toHaveAttribute('data-sync-status', 'synced');
      await expect(status(page)).toHaveAttribute('data-sync-waiting', '0');
      const doc = await couch('GET', `rapport-team/account:${id}`, undefined, restartBase(info));
      expect(serverAnswer(doc, q0)).toBe('2');
      expect(serverAnswer(doc, q1)).toBe('3');
    } finally {
      await stopServer(server);
    }
  });
});

test('a full storage stops the pull, says so, loses nothing, and the next round after space is freed brings it all', async ({ page, browser }, info) => {
  test.setTimeout(90_000);
  const { url, members: [ana, ben] } = await team(info);
  const seed = fixtures.scenarios[0].name;
  // Ben is signed in with an account of his own before the team has anything.
  await openApp(page);
  await seedAccounts(page, [accountRecord('acctB', 'Ben Telecom', [seed])]);
  await signIn(page, url, ben);
  await expect(status(page)).toHaveAttribute('data-sync-status', 'synced');
  await expect(status(page)).toHaveAttribute('data-sync-waiting', '0');
  const before = await page.evaluate(() => ({ b: localStorage.getItem('rapport.v1.account.acctB'), s: localStorage.getItem('rapport.v1.sync.state') }));

  // His browser's storage fills up (other data of this origin).
  await fillStorage(page);

  // Ana shares an account with a completed assessment.
  const anaContext = await browser.newContext();
  const anaPage = await anaContext.newPage();
  await openApp(anaPage);
  await seedAccounts(anaPage, [accountRecord('acctA', 'Ana Rail', [seed, seed])]);
  await signIn(anaPage, url, ana);
  await expect(status(anaPage)).toHaveAttribute('data-sync-status', 'synced');
  await expect(status(anaPage)).toHaveAttribute('data-sync-waiting', '0');

  await page.goto('./#/sync');
  await page.locator('[data-action="sync-now"]').click();
  await expect(status(page)).toHaveAttribute('data-sync-status', 'error');
  await expect(status(page)).toContainText('storage');
  const after = await page.evaluate(() => ({ b: localStorage.getItem('rapport.v1.account.acctB'), s: localStorage.getItem('rapport.v1.sync.state') }));
  expect(after, 'his account and the sync state are as they were').toEqual(before);
  // It waits for him: coming online again (as the 20-second timer would) pulls nothing.
  const asked = [];
  page.on('request', (r) => r.url().includes('/couch/') && asked.push(r.url()));
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await page.waitForTimeout(1500);
  expect(asked, 'requests while the storage is full').toEqual([]);

  // Space freed: the same documents are pulled again, and everything arrives.
  await freeStorage(page);
  await syncNow(page);
  await page.goto('./');
  await expect(page.locator('[data-account="acctA"]')).toHaveAttribute('data-owner', ana);
  await expect(page.locator('[data-account="acctB"]')).toHaveAttribute('data-owner', ben);
  await page.goto('./#/account/acctA');
  await expect(page.locator('[data-history] tbody tr')).toHaveCount(2);
  await anaContext.close();
});

/** A JWT as a company's sign-in would issue it for CouchDB (HS256 with the server's key). */
function jwt(claims, secret = 'rapport-test-jwt-secret') {
  const part = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const body = `${part({ alg: 'HS256', typ: 'JWT' })}.${part(claims)}`;
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}

test('single sign-on: a bearer token signs in for this tab only and is never stored', async ({ page, context }, info) => {
  test.setTimeout(60_000);
  const { db, url, members: [ana] } = await team(info);
  const role = (await couch('GET', `${db}/_security`)).members.roles[0];
  const soon = Math.floor(Date.now() / 1000) + 3600;
  const token = jwt({ sub: ana, exp: soon, '_couchdb.roles': [role] });
  await openApp(page);
  await startAssessment(page, 'Token Rail');
  await page.goto('./#/sync');
  await page.locator('[data-field="sync-url"]').fill(url);

  // Pasted wrong, then expired: each says what to do, and sync stays off.
  await page.locator('[data-field="sync-token"]').fill('not a token');
  await page.locator('[data-action="sync-on"]').click();
  await expect(page.locator('[data-sync-message]')).toContainText('three parts joined by dots');
  await page.locator('[data-field="sync-token"]').fill(jwt({ sub: ana, exp: Math.floor(Date.now() / 1000) - 60, '_couchdb.roles': [role] }));
  await page.locator('[data-action="sync-on"]').click();
  await expect(page.locator('[data-sync-message]')).toContainText('may have expired');
  await expect(status(page)).toHaveAttribute('data-sync-status', 'off');

  // The real one, pasted with its "Bearer " prefix; no user name typed: the server names her.
  await page.locator('[data-field="sync-token"]').fill(`Bearer ${token}`);
  await page.locator('[data-action="sync-on"]').click();
  await expect(status(page)).toHaveAttribute('data-sync-status', 'synced');
  await expect(status(page)).toHaveAttribute('data-sync-waiting', '0');
  await expect(page.locator('[data-field="sync-user"]')).toHaveValue(ana);
  expect((await couch('GET', `${db}/_all_docs`)).rows.map((r) => r.id).filter((id) => id.startsWith('account:'))).toHaveLength(1);

  // Nothing long-lived holds it: localStorage does not, the tab's sessionStorage does.
  const stored = await page.evaluate(() => Object.keys(localStorage).map((k) => localStorage.getItem(k)).join('\n'));
  expect(stored).not.toContain(token.split('.')[2]);
  expect(await page.evaluate(() => sessionStorage.getItem('rapport.v1.sync.token'))).toBe(token);
  await page.reload();
  await page.locator('[data-action="sync-now"]').click();
  await expect(status(page)).toHaveAttribute('data-sync-status', 'synced');

  // A new tab has no token: sync pauses there and asks to sign in again.
  const tab = await context.newPage();
  await tab.goto('./');
  await expect(status(tab)).toHaveAttribute('data-sync-status', 'paused');
  await expect(status(tab)).toContainText('sign in again');
  await tab.close();
});

test('two tabs of one browser never run a round at the same time', async ({ page, context }, info) => {
  test.setTimeout(60_000);
  const { url, members: [ana] } = await team(info);
  await openApp(page);
  await startAssessment(page, 'Two Tabs Ltd');
  await signIn(page, url, ana);
  await expect(status(page)).toHaveAttribute('data-sync-status', 'synced');
  // A second tab: the settings are shared, so it syncs too.
  const tab = await context.newPage();
  await tab.goto('./#/sync');
  await expect(status(tab)).toHaveAttribute('data-sync-status', 'synced');
  const fromTab = [];
  tab.on('request', (r) => r.url().includes('/couch/') && fromTab.push(r.url()));

  // The first tab's round stalls on a slow _changes; meanwhile the second tab is asked to sync.
  let clicked;
  const tabClicked = new Promise((resolve) => (clicked = resolve));
  let seenDuringHold = -1;
  await page.route('**/_changes*', async (route) => {
    await tabClicked;
    await new Promise((resolve) => setTimeout(resolve, 1500));
    seenDuringHold = fromTab.length;
    await route.continue();
  });
  await page.locator('[data-action="sync-now"]').click();
  await expect(status(page)).toHaveAttribute('data-sync-status', 'syncing');
  await tab.locator('[data-action="sync-now"]').click();
  clicked();
  await expect(status(page)).toHaveAttribute('data-sync-status', 'synced');
  expect(seenDuringHold, 'requests from the second tab while the first held the round').toBe(0);
  // Once the first tab's round is over, the second runs its own.
  await expect.poll(() => fromTab.length).toBeGreaterThan(0);
  await expect(status(tab)).toHaveAttribute('data-sync-status', 'synced');
  await tab.close();
});

// The alternative setup: CouchDB on an origin of its own, fixed when the app is built (the build
// writes it into the CSP from RAPPORT_SYNC_ORIGIN, scripts/csp.mjs) and with CouchDB's CORS
// allowing the app's origin. The test makes that build from dist/ by writing the policy the
// build would write, serves it on one port and the database on another.
const appOrigin = (info) => `http://127.0.0.1:${portOf(info, 20)}`;
const couchOrigin = (info) => `http://127.0.0.1:${portOf(info, 21)}`;

test.describe('a team database on an origin of its own', () => {
  test.use({
    baseURL: async ({}, use, info) => use(`${appOrigin(info)}/`),
    allowedOrigins: async ({}, use, info) => use([couchOrigin(info)]),
  });

  test('fixed at build time, it is the one other origin the app reaches; any other is refused', async ({ page }, info) => {
    test.setTimeout(60_000);
    const [appPort, couchPort] = [portOf(info, 20), portOf(info, 21)];
    const couchAt = couchOrigin(info);
    const { csp } = await import('../../../scripts/csp.mjs');
    const dir = new URL(`../.results/dist-sync-origin-${info.parallelIndex}/`, import.meta.url).pathname;
    rmSync(dir, { recursive: true, force: true });
    cpSync('../../dist', dir, { recursive: true });
    const index = `${dir}index.html`;
    const html = readFileSync(index, 'utf8');
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/;
    expect(html.match(policy)?.[1], 'dist/ carries the build\'s own policy').toBe(csp());
    writeFileSync(index, html.replace(policy, `<meta http-equiv="Content-Security-Policy" content="${csp(couchAt)}">`));
    const servers = [
      await start(['serve.mjs', '--dir', dir, '--port', String(appPort)], {}, 'serving'),
      await start(['../sync/server.mjs', String(couchPort)], { DIST: '../../dist', COUCH_CORS_ORIGIN: appOrigin(info) }, 'READY'),
    ];
    try {
      await openApp(page);
      await startAssessment(page, 'Cross Origin Rail');
      await signIn(page, 'http://127.0.0.1:9/couch/rapport-team/', 'ana', 'anapw');
      await expect(page.locator('[data-sync-message]')).toContainText('another site');
      await signIn(page, `${couchAt}/couch/rapport-team/`, 'ana', 'anapw');
      await expect(status(page)).toHaveAttribute('data-sync-status', 'synced');
      await expect(status(page)).toHaveAttribute('data-sync-waiting', '0');
      const docs = await couch('GET', 'rapport-team/_all_docs?include_docs=true', undefined, couchAt);
      expect(docs.rows.filter((r) => r.id.startsWith('account:')).map((r) => r.doc.record.name)).toEqual(['Cross Origin Rail']);
    } finally {
      for (const child of servers) await stopServer(child);
    }
  });
});
