// Flat config. Not type-aware on purpose: lint stays fast and needs no tsconfig project service.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig([
  globalIgnores([
    'node_modules/',
    'dist/',
    'dist-demo/',
    'coverage/',
    'test-results/',
    'public/mockServiceWorker.js',
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  {
    // Library and browser tests run in the page; scripts, configs and node tests in Node.
    files: ['src/**', 'test/browser/**', 'test/e2e/pages/**', 'demo/**'],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['scripts/**', 'test/node/**', 'bench/**', '*.config.*', '.ci/**'],
    languageOptions: { globals: globals.node },
  },
  {
    // Tests read JSON responses whose shape is the thing under test.
    files: ['test/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Without a message, a failing assert.ok in a test run by tsx on Node 20 has Node re-read
    // the .ts file at the transpiled position to quote the expression: about 40 s of CPU a
    // failure, during which no timeout can fire (docs/testing.md).
    files: ['test/node/**', 'test/e2e/**'],
    ignores: ['test/e2e/pages/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "CallExpression[arguments.length=1]:matches([callee.name='assert'], [callee.object.name='assert'][callee.property.name='ok'])",
          message:
            'Give assert.ok / assert a message: without one a failure can stall for minutes under tsx.',
        },
      ],
    },
  },
  {
    rules: {
      // `_`-prefixed names are deliberately unused (ignored parameters, rest-omits).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
]);
