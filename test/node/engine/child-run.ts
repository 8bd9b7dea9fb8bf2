import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

/**
 * Runs `script` (TypeScript, through tsx) in a child process that must end within 20 s, and
 * returns what it printed. For behaviour whose mutants loop for ever: the test then fails on
 * the time limit instead of hanging the whole run.
 */
export function runInChild(script: string): string {
  const run = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], {
    encoding: 'utf8',
    timeout: 20_000,
  });
  assert.equal(run.signal, null, `the child was killed (${run.signal}): it did not finish`);
  assert.equal(run.status, 0, `the child failed: ${run.stderr}`);
  return run.stdout;
}
