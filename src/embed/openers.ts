import type { EmbedOptions } from './options.ts';
import type * as Modes from './popup/popup.ts';

/** Elements that open the booking popup: `<button data-slotkit-open data-project-id=...>`. */
export const OPENER = '[data-slotkit-open]';

/**
 * Makes every `[data-slotkit-open]` element on the page, present or added later, open the popup:
 * one delegated listener per event on the document, so the script never walks the page. Hover,
 * focus or a touch start preloads that opener's widget (config and times fetched, dialog not
 * shown), so the dialog shows times at once; the click opens it. The rest, the opener's
 * `data-*` over `defaults()`, happens in the popup's chunk.
 */
export function watchOpeners(
  loadModes: () => Promise<typeof Modes>,
  defaults: () => EmbedOptions | undefined,
): void {
  const handle = (event: Event) => {
    const opener =
      event.target instanceof Element ? event.target.closest<HTMLElement>(OPENER) : null;
    if (!opener) return;
    const open = event.type === 'click';
    if (open) {
      // A modified click on a link opener keeps its meaning (a new tab for the fallback page).
      const click = event as MouseEvent;
      if (click.defaultPrevented || click.button !== 0) return;
      if (click.metaKey || click.ctrlKey || click.shiftKey || click.altKey) return;
      event.preventDefault();
    }
    loadModes().then(
      (modes) => modes.fromOpener(opener, defaults(), open),
      (error: unknown) => console.error('slotkit: could not load the popup:', error),
    );
  };
  for (const type of ['click', 'pointerover', 'focusin', 'touchstart']) {
    document.addEventListener(type, handle, { passive: type !== 'click' });
  }
}
