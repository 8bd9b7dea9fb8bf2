// Every engine test file in one process, for Stryker's tap runner (MUTATE_TESTS, docs/testing.md):
// one start-up per mutant instead of one per covering file, so a survivor costs ~9 s instead of
// ~70 s. A killed mutant still stops at its first failure (forceBail ends the process).
// npm test batches the same files (scripts/test-all.mjs), but its batch imports this checkout's
// absolute paths; Stryker needs paths relative to its sandbox, which holds the mutated sources.
import { readdirSync } from 'node:fs';

const folder = new URL('../node/engine/', import.meta.url);
for (const name of readdirSync(folder).sort()) {
  if (name.endsWith('.test.ts')) await import(new URL(name, folder).href);
}
