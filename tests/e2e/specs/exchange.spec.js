import { readFileSync } from 'node:fs';
import { test, expect, openApp, APP_HEADER } from '../fixtures.js';
import { scenario, startAssessment, answerAll } from '../assess.js';
import { freeStorage } from '../quota.js';

const accountRecords = (page) =>
  page.evaluate(() =>
    Object.fromEntries(Object.entries(localStorage).filter(([k]) => k.startsWith('rapport.v1.account.'))),
  );

async function download(page, action) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.locator(`[data-action="${action}"]`).click()]);
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
}

test('export, clear storage, import: identical data; CSV has the right columns', async ({ page }) => {
  // A whole assessment through the UI (75 questions) and then more: 7-12 s on this 2-core
  // machine, so the default 30 s would leave too little headroom under load.
  test.setTimeout(60_000);
  await openApp(page);
  await startAssessment(page, 'Export 出口 Co, "Ltd"');
  await answerAll(page, scenario('incumbent-b').answers);
  await page.locator('a.brand').click();
  await startAssessment(page, 'Draft Only');
  await page.locator('a.brand').click();
  const before = await accountRecords(page);
  expect(Object.keys(before)).toHaveLength(2);

  const json = await download(page, 'export-all');
  expect(json.name).toMatch(/^rapport-\d{4}-\d{2}-\d{2}\.json$/);
  expect(JSON.parse(json.text).format).toBe('rapport-export');

  const csv = await download(page, 'export-csv');
  expect(csv.text.startsWith('\ufeff')).toBe(true);
  const [header, row, ...rest] = csv.text.slice(1).split('\r\n').filter(Boolean);
  expect(rest, 'one row per completed assessment').toEqual([]);
  const columns = header.split(',');
  expect(columns.slice(0, 4)).toEqual(['account_id', 'account', 'industry', 'tags']);
  expect(columns).toContain('satisfaction.product_quality');
  expect(columns).toContain('ctx_volume');
  expect(row).toContain('"Export 出口 Co, ""Ltd"""');
  expect(row).toContain(',hostage,');

  await page.evaluate(() => localStorage.clear());
  await page.reload();
  // The app's own picker: the build-time copy shown before the app runs is replaced by it.
  await expect(page.locator(APP_HEADER)).toBeVisible();
  await expect(page.locator('.account-card')).toHaveCount(0);
  await page.locator('[data-action="import"]').setInputFiles({ name: json.name, mimeType: 'application/json', buffer: Buffer.from(json.text) });
  const preview = page.locator('[data-import="preview"]');
  await expect(preview).toContainText('2 new accounts; 0 already here.');
  await preview.locator('[data-action="import-confirm"]').click();
  await expect(page.locator('[data-import="done"]')).toContainText('Imported 2 accounts.');
  await expect(page.locator('.account-card')).toHaveCount(2);
  await expect.poll(() => accountRecords(page)).toEqual(before);
});

test('importing what is already here offers keep both or replace', async ({ page }) => {
  await openApp(page);
  await startAssessment(page, 'Twice Ltd');
  await page.locator('a.brand').click();
  const json = await download(page, 'export-all');
  await page.locator('[data-action="import"]').setInputFiles({ name: 'again.json', mimeType: 'application/json', buffer: Buffer.from(json.text) });
  const preview = page.locator('[data-import="preview"]');
  await expect(preview).toContainText('0 new accounts; 1 already here.');
  await preview.getByLabel('Keep both').check();
  await preview.locator('[data-action="import-confirm"]').click();
  await expect(page.locator('.account-card')).toHaveCount(2);
});

for (const [what, body, message] of [
  ['malformed JSON', '{"format": "rapport-export", "schema": 1, "accounts": [', 'not valid JSON'],
  ['a foreign JSON file', '{"hello": "world"}', 'not a Rapport export'],
  ['a hostile record', JSON.stringify({ format: 'rapport-export', schema: 1, app_version: 'x', exported_ms: 0, accounts: [{ v: 1, id: '<img src=x onerror=alert(1)>', name: 'x', created_ms: 0, assessments: [] }] }), 'damaged'],
  // A Latin-1 é (0xE9) where UTF-8 was expected: refused, and the message says where.
  ['a file in another encoding', Buffer.concat([Buffer.from('{"format": "rapport-export", "schema": 1, "accounts": [{"name": "Caf'), Buffer.from([0xe9]), Buffer.from('"}]}')]), 'byte 68 (line 1) is not valid UTF-8'],
  ['a schema number beyond 2^32', '{"format": "rapport-export", "schema": 4294967297, "accounts": []}', 'format 4294967297'],
  ['a draft whose cursor is 2 MB', JSON.stringify({ format: 'rapport-export', schema: 2, app_version: 'x', exported_ms: 0, accounts: [{ v: 2, id: 'cur1', name: 'Cursor Co', created_ms: 0, assessments: [{ id: 'cur1-a', bank_version: 2, started_ms: 0, updated_ms: 0, answers: '', cursor: { section: 0, question: 'q'.repeat(2 * 1024 * 1024) } }] }] }), 'cursor names an unknown question'],
]) {
  test(`importing ${what} explains the problem and changes nothing`, async ({ page }) => {
    page.on('dialog', (d) => {
      throw new Error(`unexpected dialog ${d.message()}`);
    });
    await openApp(page);
    await startAssessment(page, 'Keep Me');
    await page.locator('a.brand').click();
    const before = await accountRecords(page);
    await page.locator('[data-action="import"]').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.isBuffer(body) ? body : Buffer.from(body) });
    const error = page.locator('[data-import="error"]');
    await expect(error).toContainText(message);
    await expect(error).toContainText('Nothing was imported');
    expect(await accountRecords(page)).toEqual(before);
    await expect(page.locator('main img')).toHaveCount(0);
    await error.getByRole('button', { name: 'Dismiss' }).click();
    await expect(error).toHaveCount(0);
  });
}

test('a file over the size limit is refused with its true size, and the message can be dismissed', async ({ page }) => {
  await openApp(page);
  // 5 MiB and 10 KiB: just over the limit, so it must not read as "5.00 MB".
  const body = Buffer.alloc(5 * 1024 * 1024 + 10 * 1024, 0x20);
  await page.locator('[data-action="import"]').setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: body });
  const error = page.locator('[data-import="error"]');
  await expect(error).toContainText('5.01 MB, over the 5 MB an import accepts');
  await error.getByRole('button', { name: 'Dismiss' }).click();
  await expect(error).toHaveCount(0);
});

test('an import that cannot fit in the browser storage is refused before anything is written', async ({ page }) => {
  await openApp(page);
  await startAssessment(page, 'Space Co');
  await page.locator('a.brand').click();
  const json = await download(page, 'export-all');
  // Make the export heavy (long notes are within bounds), then fill most of the quota.
  const file = JSON.parse(json.text);
  const note = 'n'.repeat(1900);
  file.accounts = Array.from({ length: 400 }, (_, i) => ({ ...file.accounts[0], id: `space${String(i).padStart(4, '0')}`, name: `Space ${i}`,
    assessments: file.accounts[0].assessments.map((a) => ({ ...a, notes: { ctx_volume: note, ctx_revenue_share: note } })) }));
  await page.evaluate(() => {
    for (let i = 0; i < 18; i++) localStorage.setItem(`filler.${i}`, 'x'.repeat(256 * 1024));
  });
  const before = await accountRecords(page);
  await page.locator('[data-action="import"]').setInputFiles({ name: 'heavy.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  const preview = page.locator('[data-import="preview"]');
  await expect(preview.locator('[data-import="no-space"]')).toContainText('cannot fit');
  await expect(preview.locator('[data-action="import-confirm"]')).toBeDisabled();
  expect(await accountRecords(page)).toEqual(before);
  await freeStorage(page);
});

test('one assessment exports as its own file from the results', async ({ page }) => {
  await openApp(page);
  await startAssessment(page, 'Single Export');
  await answerAll(page, scenario('all-best').answers);
  const file = await download(page, 'export-one');
  const parsed = JSON.parse(file.text);
  expect(parsed.accounts).toHaveLength(1);
  expect(parsed.accounts[0].name).toBe('Single Export');
  expect(parsed.accounts[0].assessments).toHaveLength(1);
});

test('unreadable stored data can be downloaded from its notice', async ({ page }) => {
  await openApp(page);
  await page.evaluate(() => localStorage.setItem('rapport.v1.account.broken9', '{"half a record'));
  await page.reload();
  const notice = page.locator('[data-notice="account-unreadable"]');
  const [file] = await Promise.all([page.waitForEvent('download'), notice.locator('[data-action="download-quarantined"]').click()]);
  expect(readFileSync(await file.path(), 'utf8')).toBe('{"half a record');
});

test('the import picker works from the keyboard and is labelled in the interface language', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: '简体中文' }).click();
  const picker = page.locator('[data-action="import"]');
  await expect(page.locator('label[for="import-file"]')).toHaveText('导入 Rapport 导出文件（JSON）');
  await picker.focus();
  await expect(picker).toBeFocused();
  const chooserOpened = page.waitForEvent('filechooser');
  await picker.press('Space');
  const chooser = await chooserOpened;
  await chooser.setFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"hello":1}') });
  await expect(page.locator('[data-import="error"]')).toContainText('不是 Rapport 导出文件');
});
