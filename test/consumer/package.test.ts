/**
 * The package as a consumer gets it: `npm pack` (which builds first, through `prepack`), the
 * tarball installed into a fresh project with msw, Vite and TypeScript, then:
 * - `tsc` type-checks (and emits) a page that does `import 'slotkit/define'` and uses `slotkit`,
 *   and a Node script that serves `slotkit/mock` through msw's setupServer;
 * - the script runs: the packed mock answers a project request in Node;
 * - `vite build` bundles the page;
 * - without msw, importing `slotkit/mock` fails with the error that says what to install.
 * Installs with --prefer-offline: after `npm ci` the cache already holds every version used here.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const root = fileURLToPath(new URL('../..', import.meta.url));
const ours = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  devDependencies: Record<string, string>;
};
const run = promisify(execFile);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const work = mkdtempSync(join(tmpdir(), 'slotkit-consumer-'));
const app = join(work, 'app');

/** Runs a command; on failure the error carries its output, so the test report shows why. */
async function sh(command: string, args: string[], cwd: string): Promise<string> {
  try {
    const { stdout } = await run(command, args, { cwd, maxBuffer: 32 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(' ')} failed:\n${stdout}\n${stderr}`, {
      cause: error,
    });
  }
}

const files: Record<string, string> = {
  'index.html': '<!doctype html><script type="module" src="/src/page.ts"></script>',
  'src/page.ts': `import 'slotkit/define';
import { SlotkitWidget, createClient, VERSION, type SlotkitClient } from 'slotkit';

const widget = document.createElement('slotkit-widget');
const typed: SlotkitWidget = widget;
typed.setAttribute('app-key', 'widget_test_barber');
widget.addEventListener('slotkit-booking-created', (event) => console.log(event.detail.booking.id));
const client: SlotkitClient = createClient({ baseUrl: '/v2', appKey: 'widget_test_barber' });
document.body.append(widget);
console.log(VERSION, client.serverNow());
`,
  // Node has no HTMLElement, so the Node side uses slotkit/mock alone and asks over fetch.
  'src/mock.ts': `import { setupServer } from 'msw/node';
import { createHandlers, createMockApi, type MockApi } from 'slotkit/mock';

const api: MockApi = createMockApi({ seed: 'demo', baseUrl: 'http://mock.test/v2' });
const server = setupServer(...createHandlers(api));
server.listen({ onUnhandledRequest: 'error' });
try {
  const response = await fetch('http://mock.test/v2/projects/embed/proj_barber', {
    headers: { Authorization: \`Basic \${btoa(':widget_test_barber')}\` },
  });
  const project = (await response.json()) as { data: { id: string } };
  console.log(JSON.stringify({ status: response.status, id: project.data.id }));
} finally {
  server.close();
}
`,
  'tsconfig.json': JSON.stringify({
    compilerOptions: {
      target: 'ES2022',
      module: 'ESNext',
      moduleResolution: 'Bundler',
      lib: ['ES2023', 'DOM', 'DOM.Iterable'],
      types: ['node'],
      strict: true,
      outDir: 'out',
      // Our declarations are checked too, not only the consumer's code.
      skipLibCheck: false,
    },
    include: ['src'],
  }),
};

before(async () => {
  // prepack's build writes to stdout too, so the tarball is found on disk, not in --json.
  await sh(npm, ['pack', '--pack-destination', work], root);
  const tarball = join(
    work,
    readdirSync(work).find((name) => name.endsWith('.tgz'))!,
  );
  const dependencies: Record<string, string> = { slotkit: `file:${tarball}` };
  for (const name of ['msw', 'vite', 'typescript', '@types/node']) {
    dependencies[name] = ours.devDependencies[name]!;
  }
  const pkg = { name: 'slotkit-consumer', private: true, type: 'module', dependencies };
  for (const [path, text] of Object.entries({ ...files, 'package.json': JSON.stringify(pkg) })) {
    const full = join(app, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
  await sh(npm, ['install', '--prefer-offline', '--no-audit', '--no-fund'], app);
});

after(() => rmSync(work, { recursive: true, force: true }));

test('the packed types check a page using slotkit and a script using slotkit/mock', async () => {
  await sh(process.execPath, [join(app, 'node_modules/typescript/bin/tsc'), '-p', '.'], app);
});

test('the packed mock, served by msw, answers a widget key in Node', async () => {
  const out = await sh(process.execPath, [join(app, 'out/mock.js')], app);
  assert.deepEqual(JSON.parse(out.trim()), { status: 200, id: 'proj_barber' });
});

test('Vite builds the page that registers the elements, the parts in chunks of their own', async () => {
  await sh(process.execPath, [join(app, 'node_modules/vite/bin/vite.js'), 'build'], app);
  const assets = readdirSync(join(app, 'dist/assets')).filter((name) => name.endsWith('.js'));
  const read = (name: string) => readFileSync(join(app, 'dist/assets', name), 'utf8');
  const code = assets.map(read).join('');
  assert.match(code, /slotkit-widget/);
  assert.match(code, /slotkit-slot-picker/);
  // As with the script tag, the page's entry holds the widget; the picker's code (its times
  // list) and the class list's (its date strip) load when a step needs them.
  const entry = assets.find((name) => /^index-/.test(name));
  assert.ok(entry, `no entry chunk among ${assets.join(', ')}`);
  assert.doesNotMatch(read(entry), /times-heading/);
  assert.doesNotMatch(read(entry), /date-strip/);
  assert.ok(assets.some((name) => /times-heading/.test(read(name))));
});

test('without msw, importing slotkit/mock says what to install', async () => {
  const msw = join(app, 'node_modules/msw');
  renameSync(msw, `${msw}-hidden`);
  try {
    await assert.rejects(
      sh(process.execPath, ['--input-type=module', '-e', "await import('slotkit/mock')"], app),
      /slotkit\/mock needs msw, an optional peer dependency of slotkit: install it with `npm install --save-dev msw/,
    );
  } finally {
    renameSync(`${msw}-hidden`, msw);
  }
});
