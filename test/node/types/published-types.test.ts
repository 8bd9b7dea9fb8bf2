/**
 * The declarations the package publishes, checked as a strict TypeScript app sees them, with
 * `skipLibCheck: false`: our own tsconfig skips library checks, so a declaration that only
 * fails in a consumer's project (an inferred zod type whose index signature contradicts its
 * optional fields, TS2411) went unnoticed until `npm run test:consumer`, which is not in
 * `npm test` (it packs and installs, minutes). This emits the declarations as the build does
 * (scripts/build-types.mjs, into test-results/) and type-checks a page and a mock script
 * against them: two tsc runs, seconds.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
// Inside the repository, so the declarations' `lit`, `zod` and `msw` resolve to node_modules.
const WORK = join(ROOT, 'test-results/published-types');
const run = promisify(execFile);

async function node(args: string[]): Promise<void> {
  try {
    await run(process.execPath, args, { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    assert.fail(`${args.join(' ')} failed:\n${stdout}\n${stderr}`);
  }
}

test('the published declarations type-check in a strict app without skipLibCheck', async () => {
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(join(WORK, 'app'), { recursive: true });
  await node(['scripts/build-types.mjs', join(WORK, 'types')]);
  const types = (path: string) => [join(WORK, 'types', path)];
  writeFileSync(
    join(WORK, 'app/page.ts'),
    `import 'slotkit/define';
import { SlotkitWidget, createClient, type SlotkitClient } from 'slotkit';
import { openPopup } from 'slotkit/popup';
import { createMockApi, type MockApi } from 'slotkit/mock';

const widget: SlotkitWidget = document.createElement('slotkit-widget');
widget.addEventListener('slotkit-booking-created', (event) => console.log(event.detail.booking.id));
const client: SlotkitClient = createClient({ baseUrl: '/v2', appKey: 'widget_test_barber' });
const api: MockApi = createMockApi({ seed: 'demo' });
console.log(client.serverNow(), api, openPopup);
`,
  );
  writeFileSync(
    join(WORK, 'app/tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'ESNext',
        moduleResolution: 'Bundler',
        lib: ['ES2023', 'DOM', 'DOM.Iterable'],
        types: [],
        strict: true,
        noEmit: true,
        skipLibCheck: false,
        paths: {
          slotkit: types('index.d.ts'),
          'slotkit/define': types('define.d.ts'),
          'slotkit/popup': types('popup.d.ts'),
          'slotkit/mock': types('mock/index.d.ts'),
        },
      },
      files: ['page.ts'],
    }),
  );
  await node(['node_modules/typescript/bin/tsc', '-p', join(WORK, 'app/tsconfig.json')]);
});
