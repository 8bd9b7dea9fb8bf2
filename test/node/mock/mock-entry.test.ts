/**
 * `slotkit/mock`'s entry (src/mock/index.ts) and `createMockServer` (src/mock/node.ts). msw is an
 * optional peer dependency, so the entry checks for it before the handlers load; without it, a
 * child process (msw's resolution made to fail by a loader hook, as when it is not installed)
 * must get the message that says what to install, with the resolver's error as its cause. The
 * packed tarball's test (test/consumer) checks the message too, but takes minutes and only its
 * start. Each test names the bug it catches; the planted versions passed every other mock test.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import * as api from '../../../src/mock/api.ts';
import { createMockServer } from '../../../src/mock/node.ts';
import * as routes from '../../../src/mock/routes.ts';
import { ManualClock } from '../../../src/engine/index.ts';
import { BASE, KEYS, NOW, basic } from './harness.ts';

const run = promisify(execFile);
const scratch = mkdtempSync(join(tmpdir(), 'slotkit-mock-entry-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

const entry = new URL('../../../src/mock/index.ts', import.meta.url).href;
// The repository, where the child resolves tsx from.
const root = fileURLToPath(new URL('../../../', import.meta.url));

test('without msw, the entry says what to install, with the resolver’s error as the cause', async () => {
  // Bug caught: the check, its catch or the cause dropped (a bare "cannot find package 'msw'"
  // from routes.ts, or the message without msw's own error), or the message reworded.
  writeFileSync(
    join(scratch, 'no-msw-hooks.mjs'),
    `export async function resolve(specifier, context, next) {
  if (specifier === 'msw' || specifier.startsWith('msw/')) {
    const error = new Error("Cannot find package '" + specifier + "' (hidden by the test)");
    error.code = 'ERR_MODULE_NOT_FOUND';
    throw error;
  }
  return next(specifier, context);
}
`,
  );
  writeFileSync(
    join(scratch, 'no-msw.mjs'),
    `import { register } from 'node:module';
register(${JSON.stringify(pathToFileURL(join(scratch, 'no-msw-hooks.mjs')).href)});
`,
  );
  writeFileSync(
    join(scratch, 'probe.mjs'),
    `try {
  await import(${JSON.stringify(entry)});
  console.log(JSON.stringify({ loaded: true }));
} catch (error) {
  console.log(JSON.stringify({
    message: error.message,
    cause: error.cause && { code: error.cause.code, message: error.cause.message },
  }));
}
`,
  );
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', '--import', join(scratch, 'no-msw.mjs'), join(scratch, 'probe.mjs')],
    { cwd: root },
  );
  assert.deepEqual(JSON.parse(stdout), {
    message:
      'slotkit/mock needs msw, an optional peer dependency of slotkit: install it with `npm install --save-dev msw@^2.15`.',
    cause: {
      code: 'ERR_MODULE_NOT_FOUND',
      message: "Cannot find package 'msw' (hidden by the test)",
    },
  });
});

test('with msw, the entry loads and gives the handlers and MockApi themselves', async () => {
  // Bug caught: the check importing something else than msw, so the entry refuses to load
  // wherever msw is installed.
  const loaded = await import('../../../src/mock/index.ts');
  assert.equal(loaded.createHandlers, routes.createHandlers);
  assert.equal(loaded.createMockApi, api.createMockApi);
  assert.equal(loaded.MockApi, api.MockApi);
});

test('createMockServer builds the API from its options and serves it', async () => {
  // Bug caught: the options not passed on (the demo world on a running clock instead), or the
  // server started without the handlers.
  const clock = new ManualClock(NOW);
  const { api: made, server } = createMockServer({ clock, seed: 'empty', baseUrl: '*/v2' });
  assert.equal(made.clock, clock);
  server.listen({ onUnhandledRequest: 'error' });
  try {
    const response = await fetch(`${BASE}/bookings`, {
      headers: { Authorization: basic(KEYS.owner) },
    });
    assert.equal(response.status, 200);
    assert.deepEqual((await response.json()).data, []);
  } finally {
    server.close();
  }
});
