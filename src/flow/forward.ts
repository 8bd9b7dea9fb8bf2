import { CUSTOM_DATA_LIMITS } from '../schemas/limits.ts';

/**
 * What a host page passes along with a booking: its campaign parameters (`custom_data`). Pure
 * string work, done when the visitor books (holding.ts), so the first paint carries none of it;
 * the form's prefill is prefill.ts.
 */

/**
 * `forward-query-params`: `false` (or "false", "off") forwards nothing; unset, `true` or "" the
 * `utm_*` parameters; a list (array or "a, b") those names as well as `utm_*`.
 */
export type ForwardSetting = boolean | string | readonly string[] | undefined;

const OFF = ['false', 'off', 'no', '0'];

/** The names a setting forwards besides `utm_*`, or false when it forwards nothing. */
export function forwardedNames(setting: ForwardSetting): readonly string[] | false {
  if (setting === false) return false;
  if (setting === undefined || setting === true) return [];
  if (typeof setting === 'string') {
    if (OFF.includes(setting.trim().toLowerCase())) return false;
    if (['', 'true', 'on'].includes(setting.trim().toLowerCase())) return [];
    return setting
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean);
  }
  return setting.map((name) => name.trim()).filter(Boolean);
}

/**
 * The host page's query parameters that travel as `custom_data`: `utm_*` and the named ones,
 * first value of each, within the API's caps (20 keys, keys up to 40 and values up to 200
 * characters, no control characters), so a long or odd address never makes a booking fail.
 */
export function forwardedParams(
  search: string,
  setting: ForwardSetting,
): Record<string, string> | undefined {
  const names = forwardedNames(setting);
  if (names === false) return undefined;
  const data: Record<string, string> = {};
  let count = 0;
  for (const [key, raw] of new URLSearchParams(search)) {
    if (!key.startsWith('utm_') && !names.includes(key)) continue;
    if (key.length > CUSTOM_DATA_LIMITS.key || Object.hasOwn(data, key)) continue;
    if (count >= CUSTOM_DATA_LIMITS.keys) break;
    // eslint-disable-next-line no-control-regex -- the API refuses control characters
    const value = raw.replace(/[\u0000-\u001f\u007f]/g, ' ').slice(0, CUSTOM_DATA_LIMITS.value);
    Object.defineProperty(data, key, { value, enumerable: true, writable: true });
    count += 1;
  }
  return count ? data : undefined;
}
