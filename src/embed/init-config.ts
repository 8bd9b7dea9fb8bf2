import type { WidgetConfig } from '../components/widget/config.ts';
import type { BookingJsCallbacks } from '../components/widget/callbacks.ts';
import type { BookingJsConfig, SlotkitInitConfig } from './booking-js-config.ts';

/**
 * What `SlotkitBooking.init` needs before it mounts anything: whether a config is booking.js's
 * (translated by booking-js-config.ts, a chunk of its own) and slotkit's own keys, taken as they
 * are. The script's first paint carries this, not the translation.
 */

/** The widget settings, the callbacks and the mount point a config asks for. */
export interface InitSettings {
  widget: Partial<WidgetConfig>;
  callbacks?: BookingJsCallbacks;
  target?: string | HTMLElement;
  noRemoteConfig: boolean;
}

export const SUPPORTED_BOOKING_JS_OPTIONS = [
  'el',
  'app_key',
  'api_base_url',
  'project_id',
  'resources',
  'availability',
  'booking.graph',
  'customer_fields',
  'customer_fields.*.prefilled',
  'prefill',
  'ui.timezone',
  'ui.locale',
  'ui.localization',
  'callbacks.*',
  'disable_remote_load',
] as const;

export const isBookingJs = (config: object): config is BookingJsConfig =>
  [
    'app_key',
    'api_base_url',
    'project_id',
    'customer_fields',
    'disable_remote_load',
    'ui',
    'booking',
  ].some((key) => key in config);

/** slotkit's own init keys: the widget's settings besides the mount point and the callbacks. */
export function fromSlotkit(config: SlotkitInitConfig): InitSettings {
  const { el, target, callbacks, ...widget } = config;
  const where = target ?? el;
  return {
    widget,
    noRemoteConfig: widget.remoteConfig === false,
    ...(callbacks ? { callbacks } : {}),
    ...(where ? { target: where } : {}),
  };
}
