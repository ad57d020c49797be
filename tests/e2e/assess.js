// Helpers to drive an assessment through the UI, shared by the specs.
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect } from '@playwright/test';
import { APP_HEADER } from './fixtures.js';

/** What every failed start shows (`StartFailed`), whatever could not be fetched: an accessible
 *  alert in `lang` under the brand, and storage exactly as `storedBefore` (a JSON snapshot). */
export async function expectStartFailed(page, lang, storedBefore) {
  const failure = page.locator('[data-lazy="start-failed"]');
  await expect(failure).toBeVisible();
  await expect(failure).toHaveAttribute('role', 'alert');
  await expect(failure).toContainText(lang === 'en' ? 'could not be loaded' : 'Rapport 无法加载');
  // Its own words and the brand, though the interface texts may be what is missing.
  await expect(page.locator('header.site-header')).toContainText(lang === 'en' ? 'Key-account relationship assessment' : '大客户关系评估');
  await expect(page.locator('html')).toHaveAttribute('lang', lang === 'en' ? 'en' : 'zh-CN');
  expect(await storageSnapshot(page), 'storage untouched').toBe(storedBefore);
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => v.id), 'axe on the failed start').toEqual([]);
  return failure;
}

/** Every stored key and value, sorted, as one string to compare. */
export const storageSnapshot = (page) => page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));

/** Host-computed scenarios and section layout, written by `cargo run --example e2e_fixtures`. */
export const fixtures = JSON.parse(readFileSync(new URL('./.results/fixtures.json', import.meta.url), 'utf8'));

/** A seed case (`fixtures.scenarios`, with what an expert expects) or a synthetic extreme
 *  (`all-best`, `all-worst`: only for mechanics that need two far-apart results). */
export function scenario(name) {
  const s = [...fixtures.scenarios, ...fixtures.extremes].find((x) => x.name === name);
  if (!s) throw new Error(`no scenario ${name}`);
  return s;
}

/** The stored compact answer string for one answer: one character per position of the frozen
 *  answer order, blanks ('.') before it, trailing blanks dropped. */
export function compactAnswer(questionId, option) {
  const at = fixtures.answer_order.indexOf(questionId);
  if (at < 0) throw new Error(`no position for ${questionId}`);
  return '.'.repeat(at) + String(option);
}

/** From the home screen: name an account and open its first section. */
export async function startAssessment(page, name) {
  await page.locator('[data-action="new-assessment"]').click();
  await page.locator('[data-field="account-name"]').fill(name);
  await page.locator('[data-action="start"]').click();
  await expect(page.locator('[data-screen="questionnaire"]')).toBeVisible();
}

/** The radio for an answer value (an option index or "dk"). */
export function radio(page, questionId, answer) {
  return page.locator(`#q-${questionId}-${answer}`);
}

/** Answers every section's questions from `answers` (question id → index or "dk"), section by section.
 *  `page` may be a page or a frame locator (Rapport inside an iframe). */
export async function answerAll(page, answers, { finish = true } = {}) {
  for (const [i, section] of fixtures.sections.entries()) {
    await expect(page.locator('.section-body')).toHaveAttribute('data-section', section.id);
    for (const id of section.questions) {
      if (id in answers) await radio(page, id, answers[id]).check();
    }
    const last = i === fixtures.sections.length - 1;
    if (!last) await page.locator('[data-action="next"]').click();
    else if (finish) await page.locator('[data-action="finish"]').click();
  }
}

/** The results root's data attributes. */
export async function resultAttributes(page) {
  const root = page.locator('[data-results]');
  await expect(root).toBeVisible();
  return root.evaluate((el) => Object.fromEntries([...el.attributes].filter((a) => a.name.startsWith('data-')).map((a) => [a.name, a.value])));
}

/** Requires the page's attributes to equal the host-computed summary. */
export function expectSummary(attrs, summary) {
  const text = (v) => (v === null || v === undefined ? '' : String(v));
  expect(attrs).toMatchObject({
    'data-level': summary.level,
    'data-target-level': summary.target_level,
    'data-quadrant': text(summary.quadrant),
    'data-satisfaction': text(summary.satisfaction),
    'data-switching-cost': text(summary.switching_cost),
    'data-trust': text(summary.trust),
    'data-execution': text(summary.execution),
    'data-innovation': text(summary.innovation),
    'data-bottleneck': summary.bottleneck ?? 'none',
    'data-defection-risk': text(summary.defection_risk),
    'data-risk-band': text(summary.risk_band),
    'data-symbiosis': text(summary.symbiosis),
    'data-confidence': text(summary.confidence),
  });
}

const DAY = 86_400_000;

/** A stored account record (format 2) with one completed assessment per scenario name, oldest first. */
export function accountRecord(id, name, scenarioNames, { tags = [], startMs = Date.UTC(2025, 0, 6) } = {}) {
  return {
    v: 2,
    id,
    name,
    tags,
    created_ms: startMs,
    assessments: scenarioNames.map((s, i) => {
      const at = startMs + i * 91 * DAY;
      return { id: `${id}-s${i}`, bank_version: fixtures.bank_version, started_ms: at, updated_ms: at, completed_ms: at, answers: scenario(s).stored_answers, cursor: { section: 0 } };
    }),
  };
}

/** A stored account record (format 2) holding one draft answered as `scenarioName`, open at
 *  section `section` (its answers for every section are stored; the UI finishes it). */
export function draftRecord(id, name, scenarioName, section, { startMs = Date.UTC(2025, 0, 6) } = {}) {
  return {
    v: 2,
    id,
    name,
    tags: [],
    created_ms: startMs,
    assessments: [
      { id: `${id}-s0`, bank_version: 1, started_ms: startMs, updated_ms: startMs, answers: scenario(scenarioName).stored_answers, cursor: { section } },
    ],
  };
}

/** Writes account records straight into storage and reloads (the app reads them at start-up). */
export async function seedAccounts(page, records) {
  await page.evaluate((list) => {
    for (const r of list) localStorage.setItem(`rapport.v1.account.${r.id}`, JSON.stringify(r));
  }, records);
  await page.reload();
  await expect(page.locator(APP_HEADER)).toBeVisible();
}
