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
    rules: {
      // `_`-prefixed names are deliberately unused (ignored parameters, rest-omits).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
]);
