/**
 * Every catalogue slotkit ships, English first. Read by the registry (`supportedLocales()`), by
 * vite.config.ts (one `dist/locales/<lang>.js` per entry after the first) and by the tests.
 */
export const LOCALES = [
  'en',
  'de',
  'fr',
  'es',
  'it',
  'nl',
  'da',
  'sv',
  'nb',
  'pt',
  'ja',
  'ar',
] as const;

export type Locale = (typeof LOCALES)[number];

/** Languages whose script runs right to left. */
export const RTL_LOCALES: readonly Locale[] = ['ar'];
