/**
 * @floating-ui/dom, loaded when a popover first needs it rather than with the first paint: only
 * the time-zone chooser uses it. The ESM build code-splits the import; the script tag (one IIFE,
 * no code-splitting) imports `chunks/floating-ui.js` from beside itself, as it does its locales.
 */
type Floating = typeof import('./floating-entry.ts');

/** The script-tag build (see src/i18n/build-flags.d.ts). */
const EMBED = typeof __SLOTKIT_EMBED__ !== 'undefined' && __SLOTKIT_EMBED__;

/** The bundle's own URL, read while slotkit.iife.js runs its top level (null afterwards). */
const bundleSrc =
  EMBED && typeof document !== 'undefined'
    ? (document.currentScript as HTMLScriptElement | null)?.src
    : undefined;

let loading: Promise<Floating> | undefined;

export function loadFloating(): Promise<Floating> {
  loading ??= (
    EMBED
      ? bundleSrc
        ? (import(
            /* @vite-ignore */ new URL('chunks/floating-ui.js', bundleSrc).href
          ) as Promise<Floating>)
        : Promise.reject(new Error('the URL of the slotkit script is unknown'))
      : import('./floating-entry.ts')
  ).catch((error: unknown) => {
    // Let a later popover try again (the network may be back).
    loading = undefined;
    throw error;
  });
  return loading;
}

/** Starts loading when the browser is idle, so the first open does not wait for the network. */
export function prefetchFloating(): void {
  const idle = globalThis.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 200));
  idle(() => void loadFloating().catch(() => undefined));
}
