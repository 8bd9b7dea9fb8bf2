/** The widget's look in the sandbox: its `--slotkit-color-*` tokens for each theme. */
export const THEMES = [
  { id: 'light', label: 'Light' },
  { id: 'dark', label: 'Dark' },
  { id: 'brand', label: 'Light with a brand colour' },
] as const;

export type Theme = (typeof THEMES)[number]['id'];

export const DEFAULT_BRAND = '#b45309';

const dark: Record<string, string> = {
  '--slotkit-color-accent': '#93c5fd',
  '--slotkit-color-on-accent': '#0b1120',
  '--slotkit-color-text': '#e5e7eb',
  '--slotkit-color-muted': '#a3acb9',
  '--slotkit-color-surface': '#111827',
  '--slotkit-color-surface-alt': '#1f2937',
  '--slotkit-color-border': '#6b7280',
  '--slotkit-color-danger': '#fca5a5',
  '--slotkit-color-success': '#86efac',
  '--slotkit-color-focus': '#93c5fd',
};

/** WCAG relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const channels = [1, 3, 5].map((at) => {
    const value = parseInt(hex.slice(at, at + 2), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * channels[0]! + 0.7152 * channels[1]! + 0.0722 * channels[2]!;
}

export const isHexColour = (value: unknown): value is string =>
  typeof value === 'string' && /^#[0-9a-f]{6}$/i.test(value);

/** Custom properties to set on <slotkit-widget>; light is the widget's own defaults. */
export function widgetTokens(theme: Theme, brand: string): Record<string, string> {
  if (theme === 'dark') return dark;
  if (theme === 'brand' && isHexColour(brand)) {
    // Text on the brand colour: whichever of white and near-black reads better on it.
    const onAccent = luminance(brand) > 0.179 ? '#111827' : '#ffffff';
    return {
      '--slotkit-color-accent': brand,
      '--slotkit-color-on-accent': onAccent,
      '--slotkit-color-focus': brand,
    };
  }
  return {};
}
