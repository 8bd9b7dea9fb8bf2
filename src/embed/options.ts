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
  ]) {
    if (data[key]) options[key] = data[key];
  }
  if (data.resources) options.resources = data.resources.split(',').map((id) => id.trim());
  return options as EmbedOptions;
}
