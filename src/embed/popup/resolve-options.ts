import { toWidgetConfig, type BookingJsConfig } from '../booking-js-config.ts';
import type { EmbedOptions, ResolvedEmbed } from '../options.ts';

/** The embed's own keys: everything else is the widget's config. */
const LOOK_KEYS = ['mode', 'brandColor', 'theme', 'position', 'buttonText'] as const;

/**
 * Merges layers of options, later over earlier (the script tag's, an opener's, `open(config)`);
 * each may be a booking.js config or slotkit's own. In the popup's chunk: an inline page's first
 * paint does without it.
 */
export function resolveOptions(
  ...layers: ReadonlyArray<BookingJsConfig | EmbedOptions | undefined>
): ResolvedEmbed {
  const resolved: ResolvedEmbed = { widget: {}, noRemoteConfig: false };
  for (const layer of layers) {
    if (!layer) continue;
    const rest: Record<string, unknown> = { ...layer };
    for (const key of LOOK_KEYS) {
      if (rest[key] !== undefined && key !== 'mode') Object.assign(resolved, { [key]: rest[key] });
      delete rest[key];
    }
    const { widget, callbacks, target, noRemoteConfig } = toWidgetConfig(rest);
    const prefill = mergePrefill(resolved.widget.prefill, widget.prefill);
    resolved.widget = { ...resolved.widget, ...widget };
    if (prefill !== undefined) resolved.widget.prefill = prefill;
    if (callbacks) resolved.callbacks = callbacks;
    if (target) resolved.target = target;
    if (noRemoteConfig) resolved.noRemoteConfig = true;
  }
  return resolved;
}

/** An opener's prefill adds to the script tag's field by field; anything else replaces it. */
function mergePrefill(earlier: unknown, later: unknown): unknown {
  const isObject = (value: unknown): value is object =>
    typeof value === 'object' && value !== null && !Array.isArray(value);
  if (later === undefined) return earlier;
  return isObject(earlier) && isObject(later) ? { ...earlier, ...later } : later;
}
