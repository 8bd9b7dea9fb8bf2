// Every test file of the folders in MUTATE_FOLDER (comma-separated, under test/node: `engine`,
// `mock`, `sdk,schemas`) in one process, for Stryker's tap runner (MUTATE_TESTS, docs/testing.md):
// one start-up per mutant instead of one per covering file, so a survivor costs seconds, not a
// minute. A killed mutant still stops at its first failure (forceBail ends the process).
// Each file is a suite of its own, as in npm test's batches (scripts/test-all.mjs), so its
// top-level hooks (a mock server's listen and close) wrap its own tests only. A file marked
// `// npm test: own process` is left out here too: list it in MUTATE_TESTS beside this one.
// (npm test's batches import this checkout's absolute paths; Stryker needs paths relative to its
// sandbox, which holds the mutated sources.)
import { readdirSync, readFileSync } from 'node:fs';
import { describe } from 'node:test';

const folders = process.env.MUTATE_FOLDER?.split(',').filter(Boolean) ?? [];
if (folders.length === 0)
  throw new Error('MUTATE_FOLDER names no folder of test/node (e.g. "sdk").');

for (const name of folders) {
  const folder = new URL(`../node/${name}/`, import.meta.url);
  for (const file of readdirSync(folder).sort()) {
    const url = new URL(file, folder);
    if (!file.endsWith('.test.ts')) continue;
    // includes, not startsWith: Stryker's sandbox puts a `// @ts-nocheck` line first.
    if (readFileSync(url, 'utf8').includes('// npm test: own process')) continue;
    describe(`${name}/${file}`, async () => void (await import(url.href)));
  }
}
