// Prints the scores of a Lighthouse JSON report, and the installability and offline audits.
//   node summary.mjs report.json
import { readFileSync } from 'node:fs';

const report = JSON.parse(readFileSync(process.argv[2], 'utf8'));
console.log(`Lighthouse ${report.lighthouseVersion} · ${report.configSettings.formFactor} · ${report.finalDisplayedUrl}`);
for (const [id, category] of Object.entries(report.categories)) {
  console.log(`  ${category.title.padEnd(16)} ${Math.round(category.score * 100)}`);
}
const show = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index', 'installable-manifest', 'service-worker', 'total-byte-weight', 'errors-in-console', 'csp-xss'];
for (const id of show) {
  const audit = report.audits[id];
  if (audit) console.log(`  ${audit.title.slice(0, 60).padEnd(60)} ${audit.displayValue ?? (audit.score === null ? 'n/a' : audit.score === 1 ? 'pass' : `score ${audit.score}`)}`);
}
const failing = Object.values(report.audits).filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode === 'binary');
if (failing.length) console.log(`  failing checks: ${failing.map((a) => a.id).join(', ')}`);
