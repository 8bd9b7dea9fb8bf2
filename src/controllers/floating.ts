/**
 * @floating-ui/dom, loaded when a popover first needs it rather than with the first paint: only
 * the time-zone chooser uses it, so every build code-splits it into a chunk of its own.
 */
type Floating = typeof import('./floating-entry.ts');

let loading: Promise<Floating> | undefined;

export function loadFloating(): Promise<Floating> {
  loading ??= import('./floating-entry.ts').catch((error: unknown) => {
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
