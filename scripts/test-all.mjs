// `npm test`: every suite, one final line `N passed, N failed` for CI, non-zero exit on failure.
// Usage: node scripts/test-all.mjs [node|browser]...   (no argument = all suites)
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureChromium } from './find-chromium.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = join(root, 'test-results');
const nodeTap = join(resultsDir, 'node.tap');
const wtrTotals = join(resultsDir, 'wtr-totals.json');
const batchDir = join(resultsDir, 'batches');

/**
 * Folders of test/node whose files share one process. A process per file costs about a second
 * of CPU before its first test (node, tsx, loading src), more than most of these files' tests
 * take: the engine folder took 56 s of CPU as 37 processes and 16 s as one.
 */
const SHARED_PROCESS = [
  'controllers',
  'embed',
  'engine',
  'flow',
  'i18n',
  'lib',
  'mock',
  'schemas',
  'sdk',
  'seeds',
];
/**
 * A file that counts on a fresh process says so and runs alone: one that counts a module-level
 * cache from empty, or registers module resolve hooks (process-wide, for every later import).
 */
const OWN_PROCESS = '// npm test: own process';

// Node 20's --test takes no globs (21+ does), so the file list is expanded here.
function findTests(dir, exclude = []) {
  const found = [];
  const walk = (current) => {
    if (!existsSync(current)) return;
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      if (exclude.includes(relative(root, path))) continue;
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.test.ts')) found.push(relative(root, path));
    }
  };
  walk(join(root, dir));
  return found.sort();
}

function run(command, args, env = process.env) {
  return new Promise((done) => {
    const child = spawn(command, args, { cwd: root, env, stdio: 'inherit' });
    child.on('error', (error) => {
      console.error(error);
      done(1);
    });
    child.on('close', (code, signal) => done(signal ? 1 : (code ?? 1)));
  });
}

function tapTotal(tap, key) {
  const matches = [...tap.matchAll(new RegExp(`^# ${key} (\\d+)$`, 'gm'))];
  const last = matches.at(-1);
  return last ? Number(last[1]) : undefined;
}

/**
 * One file for node --test that runs `files` in its process, each file as a suite of its own:
 * its top-level hooks (a mock server's listen and close) wrap its own tests only, and a failure
 * is reported under its file's name.
 */
function batchFile(folder, files) {
  mkdirSync(batchDir, { recursive: true });
  const path = join(batchDir, `${folder}.test.mjs`);
  const entries = files.map((file) => [file, pathToFileURL(join(root, file)).href]);
  writeFileSync(
    path,
    `// Written by scripts/test-all.mjs: test/node/${folder}'s files in one process.\n` +
      `import { describe, test } from 'node:test';\n` +
      `for (const [file, url] of ${JSON.stringify(entries, null, 1)}) {\n` +
      // A file that cannot load fails as a test of its own; the files after it still run.
      `  describe(file, async () => {\n` +
      `    try { await import(url); } catch (error) { test('loads', () => { throw error; }); }\n` +
      `  });\n` +
      `}\n`,
  );
  return relative(root, path);
}

function nodeTestFiles() {
  const shared = new Map(SHARED_PROCESS.map((folder) => [folder, []]));
  const alone = [];
  for (const file of findTests('test/node')) {
    const folder = file.split('/')[2];
    const ownProcess = readFileSync(join(root, file), 'utf8').includes(OWN_PROCESS);
    if (shared.has(folder) && !ownProcess) shared.get(folder).push(file);
    else alone.push(file);
  }
  rmSync(batchDir, { recursive: true, force: true });
  const batches = [...shared].filter(([, files]) => files.length > 0);
  return [...batches.map(([folder, files]) => batchFile(folder, files)), ...alone];
}

async function nodeSuite() {
  // The end-to-end files first: they are the longest and mostly wait on Chromium, so the short
  // CPU-bound unit files fill the other slot beside them instead of one e2e file ending alone.
  const files = [...findTests('test/e2e'), ...nodeTestFiles()];
  // End-to-end and compatibility tests drive Chromium: make sure there is one before they start.
  if (files.some((file) => file.startsWith('test/e2e/')))
    process.env.CHROME_PATH = ensureChromium();
  if (files.length === 0) return { name: 'node', passed: 0, failed: 0, note: 'no test files' };
  rmSync(nodeTap, { force: true });
  // Node's default is one file at a time on two cores (cores - 1), yet most e2e time is spent
  // waiting on Chromium and sockets: two files at once. SLOTKIT_TEST_CONCURRENCY overrides it.
  const concurrency =
    process.env.SLOTKIT_TEST_CONCURRENCY ?? Math.max(2, availableParallelism() - 1);
  // spec for people, TAP to a file for exact totals.
  const code = await run(process.execPath, [
    '--import',
    'tsx',
    '--test',
    `--test-concurrency=${concurrency}`,
    // A test that hangs fails after 10 minutes with its name instead of stalling CI.
    '--test-timeout=600000',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${nodeTap}`,
    ...files,
  ]);
  const tap = existsSync(nodeTap) ? readFileSync(nodeTap, 'utf8') : '';
  const pass = tapTotal(tap, 'pass');
  const fail = tapTotal(tap, 'fail');
  if (pass === undefined || fail === undefined) return crashed('node', code, 'no TAP summary');
  // Cancelled tests (timeouts, a file that never finished) are failures too.
  return settle('node', code, pass, fail + (tapTotal(tap, 'cancelled') ?? 0));
}

async function browserSuite() {
  const files = [...findTests('test/browser'), ...findTests('src', ['src/engine'])];
  if (files.length === 0) return { name: 'browser', passed: 0, failed: 0, note: 'no test files' };
  process.env.CHROME_PATH = ensureChromium();
  rmSync(wtrTotals, { force: true });
  // Its package.json is not in its "exports", so find it by path.
  const pkgPath = join(root, 'node_modules/@web/test-runner/package.json');
  const { bin } = JSON.parse(readFileSync(pkgPath, 'utf8'));
  const wtrBin = join(dirname(pkgPath), typeof bin === 'string' ? bin : bin['web-test-runner']);
  const code = await run(process.execPath, [wtrBin, '--config', 'web-test-runner.config.mjs'], {
    ...process.env,
    SLOTKIT_WTR_TOTALS: wtrTotals,
  });
  if (!existsSync(wtrTotals)) return crashed('browser', code, 'no totals written');
  const totals = JSON.parse(readFileSync(wtrTotals, 'utf8'));
  return settle('browser', code, totals.passed, totals.failed);
}

function crashed(name, code, why) {
  console.error(`[test-all] ${name} suite crashed (exit ${code}, ${why})`);
  return { name, passed: 0, failed: 1, note: 'crashed' };
}

// The runner's exit code is trusted over its counts: a failing exit with no failed test,
// or files that yield no test at all, still count as one failure.
function settle(name, code, passed, failed) {
  if (code !== 0 && failed === 0) return crashed(name, code, 'exit code without a failed test');
  if (passed + failed === 0) return crashed(name, code, 'test files exist but no test ran');
  return { name, passed, failed };
}

const suites = { node: nodeSuite, browser: browserSuite };
const wanted = process.argv.slice(2);
for (const name of wanted) {
  if (!(name in suites)) {
    console.error(
      `[test-all] unknown suite "${name}"; choose from: ${Object.keys(suites).join(', ')}`,
    );
    process.exit(2);
  }
}
const selected = wanted.length > 0 ? wanted : Object.keys(suites);

mkdirSync(resultsDir, { recursive: true });

const results = [];
for (const name of selected) {
  console.log(`\n[test-all] ${name} suite`);
  try {
    results.push(await suites[name]());
  } catch (error) {
    console.error(error);
    results.push(crashed(name, 'none', 'threw before finishing'));
  }
}

console.log('');
for (const r of results) {
  console.log(
    `[test-all] ${r.name}: ${r.passed} passed, ${r.failed} failed${r.note ? ` (${r.note})` : ''}`,
  );
}
const passed = results.reduce((sum, r) => sum + r.passed, 0);
const failed = results.reduce((sum, r) => sum + r.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
