/**
 * The script-tag build's catalogues. slotkit.iife.js is one classic script with no code
 * splitting, so every language but English is a small ES module beside it,
 * `locales/<lang>.js`, fetched with a dynamic `import()` of a URL resolved against the bundle's
 * own URL. `import()` works from classic scripts, is not a Trusted Types sink and needs nothing
 * beyond `script-src` allowing the bundle's directory. Cross-origin (a CDN) the files are
 * fetched in CORS mode, so the host must send `Access-Control-Allow-Origin`.
 */
import type { Messages } from './index.ts';
import { LOCALES, type Locale } from './locales.ts';

type Loaders = Record<Exclude<Locale, 'en'>, () => Promise<Messages>>;

/**
 * `base`, taken over key by key from `loaded` where the types agree: a locale file from another
 * release (a stale CDN cache) then shows English for what it lacks instead of breaking.
 */
function complete<T>(base: T, loaded: unknown): T {
  if (typeof base !== 'object' || base === null) {
    return typeof loaded === typeof base ? (loaded as T) : base;
  }
  if (typeof loaded !== 'object' || loaded === null) return base;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(base)) {
    out[key] = complete(value, (loaded as Record<string, unknown>)[key]);
  }
  return out as T;
}

/**
 * One loader per locale, each importing `locales/<lang>.js` relative to `scriptSrc` (the
 * bundle's URL, `document.currentScript.src` while it runs). Without it, loading fails and
 * the registry keeps English.
 */
export function localeFileLoaders(english: Messages, scriptSrc: string | undefined): Loaders {
  const load = (lang: Exclude<Locale, 'en'>) => async (): Promise<Messages> => {
    if (!scriptSrc) throw new Error('the URL of the slotkit script is unknown');
    const module: Record<string, unknown> = await import(
      /* @vite-ignore */ new URL(`locales/${lang}.js`, scriptSrc).href
    );
    if (typeof module[lang] !== 'object') throw new Error(`locales/${lang}.js exports no ${lang}`);
    return complete(english, module[lang]);
  };
  const loaders: Partial<Loaders> = {};
  for (const lang of LOCALES) if (lang !== 'en') loaders[lang] = load(lang);
  return loaders as Loaders;
}
