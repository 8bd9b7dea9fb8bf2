/**
 * Where the script-tag build lives. slotkit.iife.js is one classic script with no code
 * splitting, so what the first paint does not need (other locales, the time-zone chooser's
 * positioning code) sits in files beside it, loaded with `import()` of a URL resolved against
 * the bundle's own URL. `import()` works from classic scripts and is no Trusted Types sink.
 */

/** The script-tag build (see src/i18n/build-flags.d.ts); false in the ESM package and tests. */
export const EMBED = typeof __SLOTKIT_EMBED__ !== 'undefined' && __SLOTKIT_EMBED__;

/**
 * The bundle's own script tag, read while slotkit.iife.js runs its top level (every module's top
 * level runs then); `document.currentScript` is null by the time anything renders.
 */
export const bundleScript: HTMLScriptElement | null =
  EMBED && typeof document !== 'undefined' && document.currentScript instanceof HTMLScriptElement
    ? document.currentScript
    : null;

/** The URL of a file shipped beside the bundle, or undefined when the bundle's URL is unknown. */
export function besideBundle(path: string): string | undefined {
  return bundleScript ? new URL(path, bundleScript.src).href : undefined;
}
