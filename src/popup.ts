/**
 * `slotkit/popup`: the popup and the floating button for apps that bundle slotkit, the same
 * controls the script tag's `SlotkitBooking.open()` and `data-mode="floating"` use. Importing it
 * registers nothing; the elements are registered the first time a popup or button is made.
 *
 * ```js
 * import { openPopup } from 'slotkit/popup';
 * const booking = await openPopup({ appKey, projectId, baseUrl }); // null when closed unbooked
 * ```
 */
import * as modes from './embed/popup/popup.ts';
import type { BookingJsConfig } from './embed/booking-js-config.ts';
import type { EmbedOptions } from './embed/options.ts';
import { resolveOptions } from './embed/popup/resolve-options.ts';
import { watchOpeners as watch } from './embed/openers.ts';
import type { BookingDetail as Booking } from './events.ts';

export type { EmbedOptions, ButtonPosition } from './embed/options.ts';
export type { FloatingButtonHandle } from './embed/popup/popup.ts';
export { SlotkitPopup } from './embed/popup/popup-dialog.ts';
export { SlotkitFloatingButton } from './embed/popup/floating-button.ts';

type Config = EmbedOptions | BookingJsConfig;

/** Opens the booking popup; settles with the booking once made, or `null` if closed first. */
export function openPopup(config: Config, opener?: Element | null): Promise<Booking | null> {
  return modes.openPopup(resolveOptions(config), opener);
}

/** Closes the open popup, if any. */
export const closePopup: () => void = modes.closePopup;

/** Makes the popup for `config` hidden, so its widget fetches times before it is opened. */
export function preloadPopup(config: Config): void {
  modes.preloadPopup(resolveOptions(config));
}

/** The floating button in a corner of the page, opening the popup for `config`. */
export function mountFloatingButton(config: Config): modes.FloatingButtonHandle {
  return modes.mountFloatingButton(resolveOptions(config));
}

/**
 * Lets every `[data-slotkit-open]` element, now or later, open the popup, its `data-*`
 * attributes over `defaults`. Call it once.
 */
export function watchOpeners(defaults?: EmbedOptions): void {
  watch(
    () => Promise.resolve(modes),
    () => defaults,
  );
}
