import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { promisify } from 'node:util';
import { pathToFileURL } from 'node:url';
import { ROOT } from './embed-harness.ts';

const run = promisify(execFile);
const CACHE = join(ROOT, 'node_modules/.cache/slotkit-test-builds');

/** A process asking for the build `name`, whose make() logs to `log` and takes `ms`. */
function child(name: string, log: string, ms: number, fail = false) {
  const module = pathToFileURL(join(ROOT, 'test/e2e/build-cache.ts')).href;
  const script = `
    import { appendFileSync } from 'node:fs';
    const { cachedBuild } = await import(${JSON.stringify(module)});
    const files = await cachedBuild(${JSON.stringify(name)}, [], async () => {
      appendFileSync(${JSON.stringify(log)}, 'built\\n');
      await new Promise((done) => setTimeout(done, ${ms}));
      if (${fail}) throw new Error('the build failed');
      return new Map([['out.js', 'made by ' + process.pid]]);
    });
    console.log(files.get('out.js'));`;
  return run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: ROOT,
  });
}

/** A build name of this run and a log file for its make(), both removed after the test. */
function scratch(t: TestContext, prefix: string): { name: string; log: string } {
  const name = `${prefix}-${process.pid}`;
  const dir = mkdtempSync(join(tmpdir(), 'slotkit-build-cache-'));
  t.after(() => {
    rmSync(dir, { recursive: true, force: true });
    for (const file of readdirSync(CACHE)) {
      if (file.startsWith(`${name}-`)) rmSync(join(CACHE, file), { recursive: true, force: true });
    }
  });
  return { name, log: join(dir, 'log') };
}

test('two test files asking for the same build at once: one builds, both get it', async (t) => {
  const { name, log } = scratch(t, 'lock-test');
  const [first, second] = await Promise.all([child(name, log, 1500), child(name, log, 1500)]);
  assert.equal(readFileSync(log, 'utf8'), 'built\n', 'built once');
  assert.equal(first.stdout, second.stdout, 'both read the same build');
  assert.match(first.stdout, /^made by \d+\n$/);
});

test(
  'a build that fails is not waited on forever: the next process builds it',
  { timeout: 60_000 },
  async (t) => {
    const { name, log } = scratch(t, 'lock-fail');
    // The failing build holds the lock (it has started) before the second process asks.
    const failing = child(name, log, 1000, true);
    while (!existsSync(log)) await new Promise((done) => setTimeout(done, 20));
    const [first, second] = await Promise.allSettled([failing, child(name, log, 100)]);
    assert.equal(first.status, 'rejected');
    assert.equal(second.status, 'fulfilled', 'the waiting process built it after the failure');
    assert.equal(readFileSync(log, 'utf8'), 'built\nbuilt\n');
  },
);
