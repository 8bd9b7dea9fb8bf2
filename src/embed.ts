/**
 * The script tag (slotkit.iife.js): registers `<slotkit-widget>` and exposes one namespace,
 * `window.SlotkitBooking`. It mounts a widget from its own script tag's data attributes, runs
 * calls queued before it loaded, and accepts booking.js v3 configs in `SlotkitBooking.init`.
 *
 * One classic script holds what every first paint needs (Lit, the client, the widget, English);
 * the widget imports the rest from `embed/` beside it as a step needs it (see vite.config.ts).
 */
// First: the widget's first calls leave before the rest of the script is evaluated.
import { firstCallsOf, sendFirstCalls } from './embed/early.ts';
import { SlotkitWidget, defineWidget } from './components/widget/widget.ts';
import type { BookingDetail as Booking } from './events.ts';
import { VERSION } from './version.ts';
import type { BookingJsConfig } from './embed/booking-js-config.ts';
import { SUPPORTED_BOOKING_JS_OPTIONS, fromSlotkit, isBookingJs } from './embed/init-config.ts';
import { modeOf, optionsFromData, type EmbedOptions, type ResolvedEmbed } from './embed/options.ts';
import { createWidget } from './embed/create-widget.ts';
import { chooserFor, prefetchPart } from './components/widget/parts.ts';
import { OPENER, watchOpeners } from './embed/openers.ts';
import { off, on } from './embed/host-events.ts';
import type * as Modes from './embed/popup/popup.ts';

export interface WidgetHandle {
  element: SlotkitWidget;
  /** Reloads what the widget shows (after the sandbox moved time, say). */
  refresh(): Promise<void>;
  destroy(): void;
}

type AnyConfig = BookingJsConfig | EmbedOptions;

export interface SlotkitBookingApi {
  version: string;
  supportedBookingJsOptions: readonly string[];
  /**
   * Mounts a widget; takes a booking.js v3 config or slotkit's own. With `mode: 'floating'` it
   * puts the floating button in a corner instead (loaded on demand: nothing to return yet).
   */
  init(config: AnyConfig): WidgetHandle | undefined;
  /**
   * Opens the booking popup over the page (the script tag's settings under `config`). Settles
   * with the booking once made, or `null` when the visitor closes it first.
   */
  open(config?: AnyConfig): Promise<Booking | null>;
  /** Closes the popup, if one is open. */
  close(): void;
  /** Listens to a slotkit event of every widget on the page: `on('booking-created', fn)`. */
  on: typeof on;
  off: typeof off;
  /** Calls made before the script loaded: `SlotkitBooking.q.push(['init', config])`. */
  q: { push(call: QueuedCall): void };
}

type QueuedCall =
  | [method: 'init', config: AnyConfig]
  | [method: 'open', config?: AnyConfig]
  | [method: 'on' | 'off', event: Parameters<typeof on>[0], handler: Parameters<typeof on>[1]];

function resolveTarget(target: string | HTMLElement | undefined): HTMLElement | null {
  if (!target) return null;
  if (typeof target !== 'string') return target;
  try {
    return document.querySelector<HTMLElement>(target);
  } catch {
    return null;
  }
}

/**
 * Opens the connection to a cross-origin booking API (DNS, TCP, TLS) while the widget's code
 * boots, so its first request does not pay for it. One `<link>` per origin, whichever copy of
 * the script or widget asks; an element, not script, so a strict CSP allows it. `crossorigin`
 * because the widget's fetches are CORS without credentials: a plain preconnect opens a
 * connection they cannot use.
 */
function preconnect(baseUrl = ''): void {
  let origin: string;
  try {
    origin = new URL(baseUrl, location.href).origin;
  } catch {
    return;
  }
  if (
    origin === location.origin ||
    document.querySelector(`link[rel=preconnect][href="${origin}"]`)
  ) {
    return;
  }
  // crossOrigin '' is "anonymous".
  document.head.append(
    Object.assign(document.createElement('link'), {
      rel: 'preconnect',
      href: origin,
      crossOrigin: '',
    }),
  );
}

/** The popup and floating-button code, a chunk of its own, loaded the first time a page asks. */
let modes: Promise<typeof Modes> | undefined;
function loadModes(): Promise<typeof Modes> {
  modes ??= import('./embed/popup/popup.ts').catch((error: unknown) => {
    // Asked again later (a visitor's next click), the chunk is fetched again.
    modes = undefined;
    throw error;
  });
  return modes;
}

/** The script tag's settings: what openers and `open()` start from. The first tag's win. */
let scriptDefaults: EmbedOptions | undefined;

function open(config?: AnyConfig): Promise<Booking | null> {
  if (config !== undefined && (typeof config !== 'object' || config === null)) {
    console.error('SlotkitBooking.open: expected a config object, e.g. { project_id }.');
    return Promise.resolve(null);
  }
  return loadModes().then(
    (loaded) => loaded.openPopup(loaded.resolveOptions(scriptDefaults, config)),
    (error: unknown) => {
      console.error('SlotkitBooking.open: could not load the popup:', error);
      throw error;
    },
  );
}

function close(): void {
  // Nothing can be open before the popup's code came.
  void modes?.then((loaded) => loaded.closePopup());
}

function mountFloating(config: AnyConfig): void {
  const mount = () =>
    loadModes().then(
      (loaded) => void loaded.mountFloatingButton(loaded.resolveOptions(scriptDefaults, config)),
      (error: unknown) => console.error('slotkit: could not load the floating button:', error),
    );
  if (document.body) void mount();
  else document.addEventListener('DOMContentLoaded', () => void mount(), { once: true });
}

function init(config: AnyConfig, after?: Element): WidgetHandle | undefined {
  if (typeof config !== 'object' || config === null) {
    console.error('SlotkitBooking.init: expected a config object, e.g. { app_key, project_id }.');
    return undefined;
  }
  const mode = modeOf(config);
  if (mode !== 'inline') {
    // 'popup' mounts nothing: openers and open() use the settings.
    if (mode === 'floating') mountFloating(config);
    return undefined;
  }
  // The look is the element's; the rest is the widget's config (booking.js or slotkit's keys).
  const {
    brandColor,
    theme,
    mode: _mode,
    position: _position,
    buttonText: _text,
    ...rest
  } = config as EmbedOptions;
  const look = { brandColor, theme };
  if (isBookingJs(rest)) {
    // booking.js's keys are translated by a chunk of their own: only sites moving from
    // booking.js load it. The element is returned at once and placed when its settings come.
    const settings = import('./embed/booking-js-config.ts').then(({ toWidgetConfig }) => ({
      ...toWidgetConfig(rest),
      ...look,
    }));
    return mount(rest.el ?? '#bookingjs', after, settings, config);
  }
  const settings = { ...fromSlotkit(rest), ...look };
  return mount(settings.target, after, settings, config);
}

/**
 * A widget in `target` (or after the script tag `after`), set up from `settings` once they are
 * known: a missing target is named at once, whatever the settings.
 */
function mount(
  target: string | HTMLElement | undefined,
  after: Element | undefined,
  settings: ResolvedEmbed | Promise<ResolvedEmbed>,
  config: AnyConfig,
): WidgetHandle | undefined {
  const host = resolveTarget(target);
  if (!host && !after) {
    console.error(
      `SlotkitBooking.init: no element matches el/target ${JSON.stringify(target)}; add it to the page or pass an element.`,
    );
    return undefined;
  }
  // While the widget's files and setup come (booking.js's translation, say): its first calls,
  // and the chooser they show (every 1:1 graph's).
  const first = firstCallsOf(config);
  // Not from a second copy of the script: the element, and the client that claims, are another's.
  if (first && customElements.get('slotkit-widget') === SlotkitWidget) {
    // The chooser's code first, so its request does not wait behind the days' month bounds
    // (Intl's first use: 100-200 ms on a phone while ICU loads).
    prefetchPart(chooserFor('instant'));
    sendFirstCalls(first);
  }
  const element = document.createElement('slotkit-widget');
  let destroyed = false;
  const place = (options: ResolvedEmbed) => {
    if (destroyed) return;
    preconnect(options.widget.baseUrl);
    createWidget(options, element);
    if (host) {
      // Mounting twice into one place replaces the first widget rather than stacking two.
      host.querySelector(':scope > slotkit-widget')?.remove();
      host.append(element);
    } else {
      after?.after(element);
    }
  };
  if (settings instanceof Promise) {
    settings.then(place, (error: unknown) =>
      console.error('SlotkitBooking.init: could not load the booking.js config code:', error),
    );
  } else {
    place(settings);
  }
  return {
    element,
    refresh: () => element.refresh(),
    destroy: () => {
      destroyed = true;
      element.remove();
    },
  };
}

/**
 * `<script src="slotkit.iife.js" data-app-key=... data-project-id=... data-target=...>`; with
 * `data-mode="floating"` the floating button, with `data-mode="popup"` only the settings that
 * `[data-slotkit-open]` elements and `SlotkitBooking.open()` start from.
 */
function mountFromScript(script: HTMLOrSVGScriptElement | null): void {
  if (!(script instanceof HTMLScriptElement)) return;
  const options = optionsFromData(script.dataset);
  // A bare tag loads the library for SlotkitBooking.init(); a tag with settings but no app key
  // is a mistake: the widget mounts anyway and shows the owner what is missing.
  if (Object.keys(options).length === 0) return;
  scriptDefaults ??= options;
  const mode = modeOf(options);
  if (mode !== 'inline') {
    init(options);
    return;
  }
  // Before waiting for the document: the connection opens while the page still loads.
  preconnect(options.baseUrl);
  const mount = () => init(options, options.target ? undefined : script);
  // data-target may point below the script tag: wait for the document when it is still loading.
  if (options.target && document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', mount, { once: true });
  } else {
    mount();
  }
}

/** A page with openers fetches the popup's code when the browser idles, before any click. */
function prefetchModesForOpeners(): void {
  const check = () => {
    if (!document.querySelector(OPENER)) return;
    const idle = globalThis.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 200));
    idle(() => void loadModes().catch(() => undefined));
  };
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', check, { once: true });
  } else {
    check();
  }
}

defineWidget();

const existing = (globalThis as { SlotkitBooking?: Partial<SlotkitBookingApi> & { q?: unknown } })
  .SlotkitBooking;

if (existing?.version) {
  // A second copy of the script: keep the first namespace, still honour this tag.
  mountFromScript(document.currentScript);
} else {
  const queued = Array.isArray(existing?.q) ? (existing.q as QueuedCall[]) : [];
  const api: SlotkitBookingApi = {
    version: VERSION,
    supportedBookingJsOptions: SUPPORTED_BOOKING_JS_OPTIONS,
    init: (config) => init(config),
    open,
    close,
    on,
    off,
    q: {
      push: (call: QueuedCall) => {
        if (call[0] === 'init') init(call[1]);
        else if (call[0] === 'open') void open(call[1]).catch(() => undefined);
        else if (call[0] === 'on') on(call[1], call[2]);
        else if (call[0] === 'off') off(call[1], call[2]);
        else {
          console.error(
            `SlotkitBooking: unknown queued call "${String(call[0])}"; use "init", "open", "on" or "off".`,
          );
        }
      },
    },
  };
  (globalThis as { SlotkitBooking?: SlotkitBookingApi }).SlotkitBooking = api;
  mountFromScript(document.currentScript);
  watchOpeners(loadModes, () => scriptDefaults);
  prefetchModesForOpeners();
  for (const call of queued) api.q.push(call);
}
