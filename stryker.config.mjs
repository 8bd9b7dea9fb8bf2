// @ts-check
// Mutation testing of the engine, the mock API, the SDK, the schemas and src/lib: `npm run mutate`.
// How to run it, how long it takes and the mutants judged equivalent: docs/testing.md.

// The property test runs 1000 sequences by default; 100 still kill what it kills and keep a
// mutant's run short. The test runner's child processes inherit this.
process.env.PROPERTY_RUNS ??= '100';

const folders = ['src/engine', 'src/mock', 'src/sdk', 'src/schemas', 'src/lib', 'src/flow'];

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  mutate: [
    ...folders.map((folder) => `${folder}/**/*.ts`),
    '!src/**/*.test.ts',
    '!src/**/*.d.ts',
    // Entry points that only wire MSW / a port to the API; the e2e tests cover them.
    '!src/mock/browser.ts',
    '!src/mock/cli.ts',
  ],
  testRunner: 'tap',
  tap: {
    // node:test files, each run by itself: without --test, so the coverage hook and the tests
    // share one process (node --test would fork a child the hook never sees). Node prints TAP
    // when stdout is a pipe. Compat tests drive Chromium and cover no engine code of their own.
    // MUTATE_TESTS narrows the files for a quick look at one folder (comma-separated globs).
    testFiles: process.env.MUTATE_TESTS?.split(',') ?? [
      'test/node/**/*.test.ts',
      '!test/node/compat/**',
    ],
    nodeArgs: ['--import', 'tsx', '-r', '{{hookFile}}', '{{testFile}}'],
    forceBail: true,
  },
  coverageAnalysis: 'perTest',
  checkers: ['typescript'],
  // MUTATE_TSCONFIG narrows what the checker compiles per mutant (e.g. one folder and its tests):
  // the checker, not the tests, is most of a run's time.
  tsconfigFile: process.env.MUTATE_TSCONFIG ?? 'tsconfig.mutate.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  // A rerun tests only mutants whose code or covering tests changed. The file is kept under
  // reports/ (ignored by git): each clone keeps its own baseline; --force reruns everything.
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['html', 'clear-text', 'progress'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  thresholds: { high: 95, low: 90, break: 90 },
  // Two shared cores: one worker unless the caller overrides it (--concurrency N).
  concurrency: 1,
  timeoutMS: 10_000,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
