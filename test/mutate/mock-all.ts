// Every mock test file in one process, for Stryker's tap runner (MUTATE_TESTS, docs/testing.md),
// as engine-all.ts does for the engine: one start-up per mutant instead of one per covering file.
// Each file is a suite of its own, as in npm test's batches (scripts/test-all.mjs), so its
// top-level hooks (a mock server's listen and close) wrap its own tests only.
import { readdirSync } from 'node:fs';
import { describe } from 'node:test';

const folder = new URL('../node/mock/', import.meta.url);
for (const name of readdirSync(folder).sort()) {
  if (name.endsWith('.test.ts'))
    describe(name, async () => void (await import(new URL(name, folder).href)));
}
