/** The widget's look in the sandbox: a theme, and a brand colour the widget derives tokens from. */
export const THEMES = [
  { id: 'light', label: 'Light' },
  { id: 'dark', label: 'Dark' },
  { id: 'brand', label: 'Light with a brand colour' },
] as const;

export type Theme = (typeof THEMES)[number]['id'];

export const DEFAULT_BRAND = '#b45309';

export const isHexColour = (value: unknown): value is string =>
  typeof value === 'string' && /^#[0-9a-f]{6}$/i.test(value);

/**
 * The widget's own `theme` and `brand-color` for a sandbox theme: the widget derives readable
 * accent tokens from the colour (text on it, accent as text), as on any host page; writing the
 * tokens here would skip its contrast rule (yellow text on white for #facc15).
 */
export function widgetLook(
  theme: Theme,
  brand: string,
): { theme: 'light' | 'dark'; brandColor?: string } {
  if (theme === 'dark') return { theme: 'dark' };
  if (theme === 'brand' && isHexColour(brand)) return { theme: 'light', brandColor: brand };
  return { theme: 'light' };
}
