import { isValidTimeZone } from '../../lib/time/index.ts';
import { matchLocale, supportedLocales } from '../../i18n/index.ts';
import { BOOKABLE_GRAPHS } from '../../flow/graphs.ts';
import type { ForwardSetting } from '../../flow/forward.ts';
import { prefillProblem } from '../../flow/prefill.ts';
import type { FlowOptions } from '../../flow/settings.ts';
import { isHexColor } from '../shared/hex-color.ts';

export {
  BOOKABLE_GRAPHS,
  GROUP_GRAPHS,
  ONE_TO_ONE_GRAPHS,
  PAYMENT_GRAPHS,
  flowFor,
  type FlowKind,
} from '../../flow/graphs.ts';

/**
 * The element's configuration: the flow's own options (each documented on `FlowOptions`), plus
 * what only the element reads. One shape, so the two cannot drift apart.
 */
export interface WidgetConfig extends Pick<
  FlowOptions,
  | 'projectId'
  | 'resources'
  | 'graph'
  | 'timeZone'
  | 'customerFields'
  | 'availability'
  | 'remoteConfig'
  | 'bookingId'
  | 'customerToken'
  | 'manageFromLink'
  | 'what'
> {
  baseUrl: string;
  appKey: string;
  locale?: string;
  /** Where to send the visitor once booked; `{id}`, `{start}`, `{state}` are filled in. */
  redirectUrl?: string;
  /** The form's starting values, field name to value (a JSON string from an attribute). */
  prefill?: unknown;
  /** Which of the page's query parameters travel as `custom_data`: utm_* by default. */
  forwardQueryParams?: ForwardSetting;
  /** A manage link's parameter names in the page URL (default slotkit_booking, slotkit_token). */
  manageParamBooking?: string;
  manageParamToken?: string;
}

/** A configuration mistake, for the site owner: which setting, what was wrong, what is accepted. */
export interface ConfigProblem {
  setting: string;
  message: string;
}

/**
 * Checks a configuration before anything is fetched. Returns every problem, each naming the
 * attribute and the values it accepts, so one console error can list them all.
 */
export function checkConfig(config: Partial<WidgetConfig>): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  if (!config.appKey) {
    problems.push({
      setting: 'app-key',
      message: 'is required: the project\u2019s public widget key.',
    });
  }
  if (!config.projectId && !config.resources?.length) {
    problems.push({
      setting: 'project-id',
      message: 'is required (or resources): which project\u2019s times to offer.',
    });
  }
  if (config.baseUrl !== undefined) {
    try {
      new URL(config.baseUrl, globalThis.location?.href ?? 'http://localhost/');
    } catch {
      problems.push({ setting: 'base-url', message: `"${config.baseUrl}" is not a URL.` });
    }
  }
  if (config.graph !== undefined && !BOOKABLE_GRAPHS.includes(config.graph)) {
    problems.push({
      setting: 'graph',
      message: `"${config.graph}" is not a graph a visitor can book; use one of ${BOOKABLE_GRAPHS.join(', ')}.`,
    });
  }
  if (config.timeZone !== undefined && !isValidTimeZone(config.timeZone)) {
    problems.push({
      setting: 'time-zone',
      message: `"${config.timeZone}" is not an IANA time zone (for example Europe/Copenhagen or America/New_York).`,
    });
  }
  if (config.locale !== undefined && !matchLocale(config.locale)) {
    problems.push({
      setting: 'locale',
      message: `"${config.locale}" is not a supported locale; use one of ${supportedLocales().join(', ')}.`,
    });
  }
  if (config.redirectUrl !== undefined && !isWebUrl(config.redirectUrl)) {
    problems.push({
      setting: 'redirect-url',
      message: `"${config.redirectUrl}" is not an http(s) URL (for example https://example.com/thanks?id={id}).`,
    });
  }
  const prefill = prefillProblem(config.prefill);
  if (prefill) problems.push({ setting: 'prefill', message: prefill });
  if (config.bookingId !== undefined && !config.customerToken) {
    problems.push({
      setting: 'customer-token',
      message: 'is required with booking-id to manage a booking.',
    });
  }
  return problems;
}

/** The element's look: `theme` and `brand-color`, checked like the rest (null: not set). */
export function checkLook(look: {
  theme?: string | null;
  brandColor?: string | null;
}): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const { theme, brandColor } = look;
  if (theme !== undefined && theme !== null && theme !== 'light' && theme !== 'dark') {
    problems.push({
      setting: 'theme',
      message: `"${theme}" is not a theme; use light or dark, or leave it out to follow the visitor\u2019s preference.`,
    });
  }
  if (
    brandColor !== undefined &&
    brandColor !== null &&
    brandColor !== '' &&
    !isHexColor(brandColor)
  ) {
    problems.push({
      setting: 'brand-color',
      message: `"${brandColor}" is not a colour; use a hex colour like #1d4ed8 or #fc0.`,
    });
  }
  return problems;
}

/** Absolute http or https only: a javascript: or data: URL never gets a visitor sent to it. */
function isWebUrl(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** `"a, b"` attribute lists. */
export function parseList(value: string | null | undefined): string[] | undefined {
  const items = value
    ?.split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  return items?.length ? items : undefined;
}
