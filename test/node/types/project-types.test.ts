/**
 * The whole project type-checks (`npm run typecheck`: src, test, demo, bench and scripts). The
 * test runner strips types without checking them, so a test file that did not type-check still
 * ran green (a restored snapshot's optional `waitlist` used as if always there); this puts the
 * check in `npm test`. One tsc run over the project, about 15 s.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const run = promisify(execFile);

test('the project type-checks: tsc --noEmit with its own tsconfig', async () => {
  const args = ['node_modules/typescript/bin/tsc', '--noEmit', '-p', 'tsconfig.json'];
  try {
    await run(process.execPath, args, { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    assert.fail(`tsc found type errors:\n${stdout}\n${stderr}`);
  }
});
