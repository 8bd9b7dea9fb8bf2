/**
 * @floating-ui/dom, loaded when a popover first needs it rather than with the first paint: only
 * the time-zone chooser uses it. The ESM build code-splits the import; the script tag (one IIFE,
 * no code-splitting) imports `chunks/floating-ui.js` from beside itself, as it does its locales.
 */
import { EMBED, besideBundle } from '../lib/bundle-script.ts';

type Floating = typeof import('./floating-entry.ts');

const chunkUrl = besideBundle('chunks/floating-ui.js');

let loading: Promise<Floating> | undefined;

export function loadFloating(): Promise<Floating> {
  loading ??= (
    EMBED
      ? chunkUrl
        ? (import(/* @vite-ignore */ chunkUrl) as Promise<Floating>)
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
