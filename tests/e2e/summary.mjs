// Prints the e2e totals as one plain line ("e2e: N passed, N failed, N skipped") from
// Playwright's JSON report, so CI logs end with a count that any reader can parse — and, before it,
// the ten slowest tests with their share of their timeout, so a drift towards the limit is seen
// long before it fails a run by chance (tests/e2e/README.md, "Timing").
import { readFileSync } from 'node:fs';

const report = JSON.parse(readFileSync(new URL('./.results/results.json', import.meta.url), 'utf8'));
const { expected = 0, unexpected = 0, flaky = 0, skipped = 0, duration = 0 } = report.stats ?? {};

const rows = [];
const walk = (suite, file) => {
  for (const child of suite.suites ?? []) walk(child, file ?? child.file);
  for (const spec of suite.specs ?? []) {
    for (const t of spec.tests ?? []) {
      for (const r of t.results ?? []) {
        rows.push({ title: spec.title, file: spec.file ?? file, ms: r.duration ?? 0, timeout: t.timeout ?? 30_000, status: r.status });
      }
    }
  }
};
for (const suite of report.suites ?? []) walk(suite, suite.file);

rows.sort((a, b) => b.ms - a.ms);
console.log(`\nslowest e2e tests (of ${rows.length}; the aim is under a third of each test's timeout):`);
for (const r of rows.slice(0, 10)) {
  const share = r.timeout ? Math.round((100 * r.ms) / r.timeout) : 0;
  const mark = r.timeout && r.ms > r.timeout / 3 ? '  ← over a third of its timeout' : '';
  console.log(`  ${(r.ms / 1000).toFixed(1).padStart(5)} s  ${String(share).padStart(3)}% of ${r.timeout / 1000} s  ${r.file}: ${r.title}${mark}`);
}
console.log(`e2e wall time: ${(duration / 1000).toFixed(0)} s`);
console.log(`e2e: ${expected + flaky} passed, ${unexpected} failed, ${skipped} skipped`);
