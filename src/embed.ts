/**
 * The script tag (slotkit.iife.js): registers `<slotkit-widget>` and exposes one namespace,
 * `window.SlotkitBooking`. It mounts a widget from its own script tag's data attributes, runs
 * calls queued before it loaded, and accepts booking.js v3 configs in `SlotkitBooking.init`.
 *
 * One classic script holds what every first paint needs (Lit, the client, the widget, English);
 * the widget imports the rest from `embed/` beside it as a step needs it (see vite.config.ts).
 */
import { defineWidget, type SlotkitWidget } from './components/widget/widget.ts';
import { chooserFor, prefetchPart } from './components/widget/parts.ts';
import { VERSION } from './version.ts';
import {
  SUPPORTED_BOOKING_JS_OPTIONS,
  toWidgetConfig,
  type BookingJsConfig,
  type SlotkitInitConfig,
} from './embed/booking-js-config.ts';

export interface WidgetHandle {
  element: SlotkitWidget;
  /** Reloads what the widget shows (after the sandbox moved time, say). */
  refresh(): Promise<void>;
  destroy(): void;
}

export interface SlotkitBookingApi {
  version: string;
  supportedBookingJsOptions: readonly string[];
  /** Mounts a widget; takes a booking.js v3 config or slotkit's own. */
  init(config: BookingJsConfig | SlotkitInitConfig): WidgetHandle | undefined;
  /** Calls made before the script loaded: `SlotkitBooking.q.push(['init', config])`. */
  q: { push(call: QueuedCall): void };
}

type QueuedCall = [method: 'init', config: BookingJsConfig | SlotkitInitConfig];

function resolveTarget(target: string | HTMLElement | undefined): HTMLElement | null {
  if (!target) return null;
  if (typeof target !== 'string') return target;
  try {
    return document.querySelector<HTMLElement>(target);
  } catch {
    return null;
  }
}

function init(
  config: BookingJsConfig | SlotkitInitConfig,
  after?: Element,
): WidgetHandle | undefined {
  if (typeof config !== 'object' || config === null) {
    console.error('SlotkitBooking.init: expected a config object, e.g. { app_key, project_id }.');
    return undefined;
  }
  const { widget, callbacks, target, noRemoteConfig } = toWidgetConfig(config);
  // The first step's chooser travels alongside the project's config, not after it: the one the
  // graph set here asks for, or else the time picker, which most projects show.
  if (!widget.bookingId) {
    prefetchPart(chooserFor(widget.graph ?? 'instant'));
  }
  const host = resolveTarget(target);
  if (!host && !after) {
    console.error(
      `SlotkitBooking.init: no element matches el/target ${JSON.stringify(target)}; add it to the page or pass an element.`,
    );
    return undefined;
  }
  const element = document.createElement('slotkit-widget');
  element.noRemoteConfig = noRemoteConfig;
  if (callbacks) element.callbacks = callbacks;
  element.config = widget;
  if (host) {
    // Mounting twice into one place replaces the first widget rather than stacking two.
    host.querySelector(':scope > slotkit-widget')?.remove();
    host.append(element);
  } else {
    after!.after(element);
  }
  return {
    element,
    refresh: () => element.refresh(),
    destroy: () => element.remove(),
  };
}

/** `<script src="slotkit.iife.js" data-app-key=... data-project-id=... data-target=...>`. */
function mountFromScript(script: HTMLOrSVGScriptElement | null): void {
  if (!(script instanceof HTMLScriptElement) || !script.dataset.appKey) return;
  const data = script.dataset;
  const config: SlotkitInitConfig = {
    appKey: data.appKey!,
    ...(data.projectId ? { projectId: data.projectId } : {}),
    ...(data.graph ? { graph: data.graph } : {}),
    ...(data.locale ? { locale: data.locale } : {}),
    ...(data.timeZone ? { timeZone: data.timeZone } : {}),
    ...(data.baseUrl ? { baseUrl: data.baseUrl } : {}),
    ...(data.resources ? { resources: data.resources.split(',').map((id) => id.trim()) } : {}),
    ...(data.target ? { target: data.target } : {}),
  };
  const mount = () => {
    const handle = init(config, data.target ? undefined : script);
    if (handle && data.brandColor) handle.element.brandColor = data.brandColor;
    if (handle && data.theme) handle.element.setAttribute('theme', data.theme);
  };
  // data-target may point below the script tag: wait for the document when it is still loading.
  if (data.target && document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', mount, { once: true });
  } else {
    mount();
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
    q: {
      push: ([method, config]: QueuedCall) => {
        if (method === 'init') init(config);
        else console.error(`SlotkitBooking: unknown queued call "${String(method)}"; use "init".`);
      },
    },
  };
  (globalThis as { SlotkitBooking?: SlotkitBookingApi }).SlotkitBooking = api;
  mountFromScript(document.currentScript);
  for (const call of queued) api.q.push(call);
}
