import type { WidgetConfig } from '../components/widget/config.ts';
import type { BookingJsCallbacks } from '../components/widget/callbacks.ts';
import type { BookingJsConfig, SlotkitInitConfig } from './booking-js-config.ts';

/**
 * How a page asks for a widget, in every mode: slotkit's init keys (or a booking.js config) plus
 * the embed's own (mode, look, the floating button's place and words). Script-tag `data-*`
 * attributes, an opener's `data-*` attributes and `SlotkitBooking.open(config)` all end here.
 */
export type EmbedMode = 'inline' | 'popup' | 'floating';
export type ButtonPosition = 'bottom-right' | 'bottom-left';

export interface EmbedLook {
  mode?: EmbedMode;
  brandColor?: string;
  theme?: 'light' | 'dark';
  /** The floating button's corner. */
  position?: ButtonPosition;
  /** The floating button's words, and the dialog's accessible name. */
  buttonText?: string;
}

export type EmbedOptions = SlotkitInitConfig & EmbedLook;

/** Layers of options (defaults first) resolved into what a widget element is given. */
export interface ResolvedEmbed extends Omit<EmbedLook, 'mode'> {
  widget: Partial<WidgetConfig>;
  callbacks?: BookingJsCallbacks;
  target?: string | HTMLElement;
  noRemoteConfig: boolean;
}

const isMode = (value: unknown): value is EmbedMode =>
  value === 'inline' || value === 'popup' || value === 'floating';

/** The mode `options` ask for; inline when they name none. */
export const modeOf = (options: BookingJsConfig | EmbedOptions): EmbedMode =>
  'mode' in options && isMode(options.mode) ? options.mode : 'inline';

/**
 * `data-app-key`, `data-project-id`, ... of a script tag or an opener as options; only the
 * attributes present, so a later layer overrides an earlier one key by key.
 */
export function optionsFromData(data: DOMStringMap): EmbedOptions {
  const options: Record<string, unknown> = {};
  for (const key of [
    'appKey',
    'projectId',
    'graph',
    'locale',
    'timeZone',
    'baseUrl',
    'target',
    'brandColor',
    'theme',
    'mode',
    'position',
    'buttonText',
    'redirectUrl',
    'forwardQueryParams',
    'manageParamBooking',
    'manageParamToken',
  ]) {
    if (data[key]) options[key] = data[key];
  }
  if (data.resources) options.resources = data.resources.split(',').map((id) => id.trim());
  const prefill = prefillFromData(data);
  if (prefill !== undefined) options.prefill = prefill;
  return options as EmbedOptions;
}

/**
 * `data-prefill='{"name":"Ada"}'` and `data-prefill-<field>="..."` (these win): the form's
 * starting values. Bad JSON is passed on as text, so the widget names `prefill` in its error.
 */
function prefillFromData(data: DOMStringMap): unknown {
  let prefill: unknown;
  if (data.prefill !== undefined) {
    try {
      prefill = JSON.parse(data.prefill) as unknown;
    } catch {
      return data.prefill;
    }
  }
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(data)) {
    if (!key.startsWith('prefill') || key === 'prefill' || value === undefined) continue;
    // The dataset's camelCase back to the attribute's own spelling: data-prefill-company_size.
    const name = key
      .slice('prefill'.length)
      .replace(/^[A-Z]/, (first) => first.toLowerCase())
      .replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
    Object.defineProperty(fields, name, { value, enumerable: true, writable: true });
  }
  if (!Object.keys(fields).length) return prefill;
  return typeof prefill === 'object' && prefill !== null && !Array.isArray(prefill)
    ? { ...prefill, ...fields }
    : prefill === undefined
      ? fields
      : prefill;
}
