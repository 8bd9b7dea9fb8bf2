import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { ensureChromium } from './scripts/find-chromium.mjs';
import { totalsReporter } from './scripts/wtr-totals-reporter.mjs';

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  files: ['test/browser/**/*.test.ts', 'src/**/*.test.ts', '!src/engine/**'],
  // Sources import each other with explicit `.ts` extensions: served as-is, esbuild strips types.
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' })],
  // 'production' silences Lit's dev-mode warning; switch to 'development' to see it.
  nodeResolve: { exportConditions: ['browser', 'production'] },
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: ensureChromium(),
        headless: true,
        args: [
          '--no-sandbox', // we run as root
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
          '--disable-quic',
        ],
      },
    }),
  ],
  // One page at a time: focus and keyboard tests in parallel tabs of one browser interfere.
  concurrency: 1,
  browserStartTimeout: 60_000,
  testsFinishTimeout: 120_000,
  testFramework: { config: { timeout: 5_000 } },
  reporters: [defaultReporter(), totalsReporter({ file: process.env.SLOTKIT_WTR_TOTALS })],
  // MSW: the worker's scope must cover the test page, so serve it from the root.
  middleware: [
    (context, next) => {
      if (context.url === '/mockServiceWorker.js') context.url = '/public/mockServiceWorker.js';
      return next();
    },
  ],
};
