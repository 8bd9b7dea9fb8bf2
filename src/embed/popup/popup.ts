import { defineWidget, type SlotkitWidget } from '../../components/widget/widget.ts';
import { accentTokens, isHexColor } from '../../components/shared/contrast.ts';
import type { BookingDetail as Booking } from '../../events.ts';
import { createWidget } from '../create-widget.ts';
import { optionsFromData, type EmbedOptions, type ResolvedEmbed } from '../options.ts';
import { resolveOptions } from './resolve-options.ts';
import { definePopupDialog, type SlotkitPopup } from './popup-dialog.ts';
import { defineFloatingButton, type SlotkitFloatingButton } from './floating-button.ts';

/**
 * The popup and floating-button modes (a chunk of its own in the script-tag build, loaded only
 * by pages that use them; `slotkit/popup` in the ESM package).
 *
 * One popup per configuration, made on the opener's hover or focus (`preloadPopup`) so its
 * widget fetches the project's config and times before the click. Closing keeps it, widget and
 * all, in the page (a closed `<dialog>` shows nothing): an accidental Escape or backdrop click
 * loses nothing, the time stays held while its hold lives and the form keeps what was typed;
 * reopening shows the same step. Once a booking was made, closing discards it, and the next
 * opening starts a new booking.
 */

interface Entry {
  key: string;
  popup: SlotkitPopup;
  widget: SlotkitWidget;
  booked: boolean;
  /** While open: settles `openPopup`'s promise. */
  settle?: (booking: Booking | null) => void;
  opened?: Promise<Booking | null>;
}

const entries = new Map<string, Entry>();
let current: Entry | undefined;
let returnFocusTo: HTMLElement | undefined;
let pageOverflow: { value: string; priority: string } | undefined;

/** The same configuration is the same popup: callbacks and mount points do not tell them apart. */
const keyOf = ({ callbacks: _callbacks, target: _target, ...options }: ResolvedEmbed) =>
  JSON.stringify(options);

/** Sets a brand colour's accent tokens on an element (style properties pass a strict CSP). */
function applyBrand(element: HTMLElement, brand: string | undefined): void {
  if (!brand) return;
  if (!isHexColor(brand)) {
    console.error(`slotkit: brand colour "${brand}" is not a colour like #1d4ed8 or #fc0.`);
    return;
  }
  const scheme = CSS.supports('color', 'light-dark(#000, #fff)') ? 'auto' : 'light';
  for (const [name, value] of Object.entries(accentTokens(brand, { scheme }))) {
    element.style.setProperty(name, value);
  }
}

function entryFor(options: ResolvedEmbed): Entry {
  const key = keyOf(options);
  const known = entries.get(key);
  if (known) return known;
  // Registered on first use, not on import: `slotkit/popup` stays free of side effects.
  defineWidget();
  definePopupDialog();
  const widget = createWidget(options);
  const popup = document.createElement('slotkit-popup');
  popup.widget = widget;
  if (options.buttonText) popup.label = options.buttonText;
  if (options.widget.locale) popup.locale = options.widget.locale;
  if (options.theme) popup.setAttribute('theme', options.theme);
  applyBrand(popup, options.brandColor);
  const entry: Entry = { key, popup, widget, booked: false };
  widget.addEventListener('slotkit-booking-created', (event) => {
    entry.booked = true;
    entry.settle?.(event.detail.booking);
    entry.settle = undefined;
  });
  // The dialog's close event is queued: after close() and a quick reopen it arrives while the
  // dialog is open again, and must not settle the new open()'s promise with null.
  popup.addEventListener('close', () => {
    if (!popup.isOpen) closed(entry);
  });
  document.body.append(popup);
  entries.set(key, entry);
  return entry;
}

/** The focused element, inside shadow roots too. */
function deepActiveElement(): HTMLElement | undefined {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement && active !== document.body ? active : undefined;
}

/** The page behind does not scroll while the dialog is open (even against `!important`). */
function lockScroll(): void {
  const style = document.documentElement.style;
  pageOverflow = {
    value: style.getPropertyValue('overflow'),
    priority: style.getPropertyPriority('overflow'),
  };
  style.setProperty('overflow', 'hidden', 'important');
}

function unlockScroll(): void {
  const style = document.documentElement.style;
  if (pageOverflow?.value) style.setProperty('overflow', pageOverflow.value, pageOverflow.priority);
  else style.removeProperty('overflow');
  pageOverflow = undefined;
}

function closed(entry: Entry): void {
  if (current !== entry) return;
  current = undefined;
  unlockScroll();
  entry.settle?.(null);
  entry.settle = undefined;
  entry.opened = undefined;
  if (entry.booked) {
    entry.popup.remove();
    entries.delete(entry.key);
  }
  if (returnFocusTo?.isConnected) returnFocusTo.focus();
  returnFocusTo = undefined;
}

/**
 * Makes the popup for `options` without showing it: its widget starts fetching at once, so
 * opening it later shows times straight away.
 */
export function preloadPopup(options: ResolvedEmbed): void {
  entryFor(options);
}

/**
 * Opens the booking popup. Settles with the booking once it is made (the dialog stays open on
 * its confirmation), or with `null` when the dialog is closed first. Focus returns to `opener`
 * (by default the element focused now) on closing.
 */
export function openPopup(
  options: ResolvedEmbed,
  opener?: Element | null,
): Promise<Booking | null> {
  const entry = entryFor(options);
  if (current === entry && entry.opened) return entry.opened;
  const from = opener instanceof HTMLElement ? opener : deepActiveElement();
  closePopup();
  current = entry;
  returnFocusTo = from;
  entry.opened = new Promise((resolve) => (entry.settle = resolve));
  lockScroll();
  void entry.popup.show();
  return entry.opened;
}

/** Closes the open popup, if any (its promise settles with `null` unless it booked). */
export function closePopup(): void {
  const entry = current;
  if (!entry) return;
  entry.popup.hide();
  // At once, not on the dialog's (queued) close event: an open() right after finds it closed.
  closed(entry);
}

/** An opener was hovered, focused or touched (preload), or clicked (`open`). */
export function fromOpener(opener: HTMLElement, defaults: EmbedOptions | undefined, open: boolean) {
  const options = resolveOptions(defaults, optionsFromData(opener.dataset));
  if (open) void openPopup(options, opener);
  else preloadPopup(options);
}

export { resolveOptions };

export interface FloatingButtonHandle {
  element: SlotkitFloatingButton;
  destroy(): void;
}

/** Puts the floating button in a corner of the page; it opens the popup for `options`. */
export function mountFloatingButton(options: ResolvedEmbed): FloatingButtonHandle {
  defineFloatingButton();
  const element = document.createElement('slotkit-floating-button');
  if (options.position) element.position = options.position;
  if (options.buttonText) element.text = options.buttonText;
  if (options.widget.locale) element.locale = options.widget.locale;
  if (options.theme) element.setAttribute('theme', options.theme);
  applyBrand(element, options.brandColor);
  const preload = () => preloadPopup(options);
  element.addEventListener('pointerover', preload);
  element.addEventListener('focusin', preload);
  element.addEventListener('touchstart', preload, { passive: true });
  element.addEventListener('click', () => void openPopup(options, element));
  document.body.append(element);
  return { element, destroy: () => element.remove() };
}
