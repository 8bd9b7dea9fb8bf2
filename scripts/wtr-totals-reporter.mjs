// A web-test-runner reporter that writes exact test totals to a JSON file, because the
// default reporter's summary counts files and is not meant to be parsed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export const defaultTotalsFile = 'test-results/wtr-totals.json';

function countSuite(suite, totals) {
  for (const test of suite.tests) {
    if (test.skipped) totals.skipped += 1;
    else if (test.passed) totals.passed += 1;
    else totals.failed += 1;
  }
  for (const child of suite.suites) countSuite(child, totals);
}

/** @param {{ file?: string }} [options] */
export function totalsReporter({ file = defaultTotalsFile } = {}) {
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0, crashedFiles: [] };
      for (const session of sessions) {
        const before = totals.failed;
        if (session.testResults) countSuite(session.testResults, totals);
        // A file that failed to load or threw outside a test has errors but may have no failed
        // test: count it as one failure so it cannot pass silently.
        const broken =
          (session.errors?.length ?? 0) > 0 || (!session.passed && totals.failed === before);
        if (broken) {
          totals.failed += 1;
          totals.crashedFiles.push(session.testFile);
        }
      }
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify(totals, null, 2) + '\n');
    },
  };
}
