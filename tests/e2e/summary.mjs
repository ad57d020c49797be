// Prints the e2e totals as one plain line ("e2e: N passed, N failed, N skipped") from
// Playwright's JSON report, so CI logs end with a count that any reader can parse.
import { readFileSync } from 'node:fs';

const report = JSON.parse(readFileSync(new URL('./.results/results.json', import.meta.url), 'utf8'));
const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = report.stats ?? {};
console.log(`e2e: ${expected + flaky} passed, ${unexpected} failed, ${skipped} skipped`);
