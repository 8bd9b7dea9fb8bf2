import type { WidgetConfig } from '../components/widget/config.ts';
import type { BookingJsCallbacks } from '../components/widget/callbacks.ts';
import { fromSlotkit, isBookingJs, type InitSettings } from './init-config.ts';

export { SUPPORTED_BOOKING_JS_OPTIONS } from './init-config.ts';

/**
 * booking.js v3's configuration, as far as slotkit understands it. A site switching from
 * booking.js changes its script tag and keeps this object.
 */
export interface BookingJsConfig {
  el?: string | HTMLElement;
  app_key?: string;
  /** booking.js appends `v2` to it, as we do. */
  api_base_url?: string;
  project_id?: string;
  resources?: string[];
  availability?: Record<string, unknown>;
  booking?: { graph?: string; [setting: string]: unknown };
  /** Each field may carry `prefilled` (its starting value) and `readonly`. */
  customer_fields?: unknown;
  /** slotkit's addition: starting values by field name; they win over `prefilled`. */
  prefill?: Record<string, unknown>;
  ui?: {
    timezone?: string;
    /** slotkit's addition: which language to speak (else the page's `lang`). */
    locale?: string;
    localization?: Record<string, unknown>;
    [option: string]: unknown;
  };
  callbacks?: BookingJsCallbacks;
  disable_remote_load?: boolean;
}

/** slotkit's own keys, accepted by `SlotkitBooking.init` too. */
export type SlotkitInitConfig = Partial<WidgetConfig> & {
  el?: string | HTMLElement;
  target?: string | HTMLElement;
  callbacks?: BookingJsCallbacks;
};

/**
 * The widget settings a booking.js or slotkit config asks for. A chunk of its own in the script
 * tag with the booking.js translation: only sites moving from booking.js load it (slotkit's own
 * keys need no translation: init-config.ts).
 */
export function toWidgetConfig(config: BookingJsConfig | SlotkitInitConfig): InitSettings {
  if (!isBookingJs(config)) return fromSlotkit(config);
  const widget: Partial<WidgetConfig> = {
    ...(config.app_key ? { appKey: config.app_key } : {}),
    ...(config.api_base_url ? { baseUrl: `${config.api_base_url.replace(/\/?$/, '/')}v2` } : {}),
    ...(config.project_id ? { projectId: config.project_id } : {}),
    ...(config.resources ? { resources: config.resources } : {}),
    ...(config.availability ? { availability: config.availability } : {}),
    ...(config.booking?.graph ? { graph: config.booking.graph } : {}),
    ...(config.customer_fields !== undefined ? { customerFields: config.customer_fields } : {}),
    ...withPrefill(config),
    ...(config.ui?.timezone ? { timeZone: config.ui.timezone } : {}),
    ...(config.ui?.locale ? { locale: config.ui.locale } : {}),
  };
  return {
    widget,
    noRemoteConfig: config.disable_remote_load === true,
    // booking.js's default mount point.
    target: config.el ?? '#bookingjs',
    ...(config.callbacks ? { callbacks: config.callbacks } : {}),
  };
}

/**
 * booking.js keeps a field's starting value beside its definition
 * (`customer_fields.email.prefilled`); slotkit's form takes them as `prefill`, which also
 * reaches the popup's and the flow's copy of the values. booking.js's defaults (`false`, '')
 * mean "none" and are left out; `readonly` stays on the field, where the form reads it.
 */
function withPrefill(config: BookingJsConfig): { prefill?: Record<string, unknown> } {
  const values: Record<string, unknown> = {};
  const fields = config.customer_fields;
  if (fields && typeof fields === 'object' && !Array.isArray(fields)) {
    for (const [name, field] of Object.entries(fields as Record<string, unknown>)) {
      const given = (field as { prefilled?: unknown } | null)?.prefilled;
      if (given === undefined || given === false || given === '' || given === null) continue;
      Object.defineProperty(values, name, { value: given, enumerable: true, writable: true });
    }
  }
  // Given as is: a bad `prefill` must reach checkConfig to be named, not vanish here.
  if (config.prefill !== undefined) {
    if (!Object.keys(values).length) return { prefill: config.prefill };
    if (typeof config.prefill === 'object' && config.prefill !== null)
      return { prefill: { ...values, ...config.prefill } };
    return { prefill: config.prefill };
  }
  return Object.keys(values).length ? { prefill: values } : {};
}
