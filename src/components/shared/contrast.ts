import { PALETTE } from './tokens.styles.ts';
import { isHexColor } from './hex-color.ts';

export { isHexColor };

/**
 * WCAG 2 contrast for brand colours. CSS cannot yet compute a readable colour portably
 * (`contrast-color()` is not shipped everywhere), so a host's brand colour goes through
 * `accentTokens` once, and the custom properties it returns are set on the element.
 */

/** sRGB channels, 0-255. */
export type Rgb = readonly [red: number, green: number, blue: number];

export type Scheme = 'light' | 'dark';

/** What `accentTokens` returns: set each on the element (or any ancestor) as a custom property. */
export interface AccentTokens {
  '--slotkit-color-accent': string;
  '--slotkit-color-on-accent': string;
  '--slotkit-color-accent-text': string;
}

/** AA for normal-size text. */
export const AA = 4.5;
export const WHITE = '#ffffff';
/** The dark text colour `readableOn` offers: the light theme's text colour's darker sibling. */
export const NEAR_BLACK = '#111827';
const BLACK = '#000000';

const RGB =
  /^rgba?\(\s*(\d{1,3})[\s,]+(\d{1,3})[\s,]+(\d{1,3})(?:\s*[,/]\s*(1|1\.0+|100%))?\s*\)$/i;

/** `#rgb`, `#rrggbb`, or an opaque `rgb()` as `getComputedStyle` returns it. */
export function parseColor(color: string): Rgb {
  const value = color.trim();
  if (isHexColor(value)) {
    const digits =
      value.length === 4
        ? [...value.slice(1)].map((digit) => digit + digit)
        : [value.slice(1, 3), value.slice(3, 5), value.slice(5, 7)];
    return digits.map((pair) => parseInt(pair, 16)) as unknown as Rgb;
  }
  const match = RGB.exec(value);
  if (match) {
    const channels = match.slice(1, 4).map(Number);
    if (channels.every((channel) => channel <= 255)) return channels as unknown as Rgb;
  }
  throw new RangeError(
    `slotkit: ${JSON.stringify(color)} is not a colour contrast can be computed for; use #rrggbb.`,
  );
}

export function toHex([red, green, blue]: Rgb): string {
  return `#${[red, green, blue]
    .map((channel) =>
      Math.round(Math.min(255, Math.max(0, channel)))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

/** WCAG 2 relative luminance, 0 (black) to 1 (white). */
export function relativeLuminance(color: string | Rgb): number {
  const [red, green, blue] = (typeof color === 'string' ? parseColor(color) : color).map(
    (channel) => {
      const value = channel / 255;
      return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
    },
  ) as [number, number, number];
  return 0.2126 * red + 0.7152 * green + 0.0722 * blue;
}

/** WCAG 2 contrast ratio of two opaque colours, from 1 to 21; the order does not matter. */
export function contrastRatio(a: string | Rgb, b: string | Rgb): number {
  const [lighter, darker] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [
    number,
    number,
  ];
  return (lighter + 0.05) / (darker + 0.05);
}

/**
 * Text colour for a background: white or near-black, whichever contrasts more. In the narrow
 * band of mid-tones where neither reaches 4.5:1 (near-black is not black), pure black, which
 * always does there.
 */
export function readableOn(background: string): string {
  const best = [WHITE, NEAR_BLACK].sort(
    (a, b) => contrastRatio(b, background) - contrastRatio(a, background),
  )[0]!;
  return contrastRatio(best, background) >= AA ? best : BLACK;
}

/** `color-mix(in srgb, a <weight>, b)`, as the tokens mix `--_accent-soft`. */
export function mix(a: string, b: string, weight: number): string {
  const [r1, g1, b1] = parseColor(a);
  const [r2, g2, b2] = parseColor(b);
  const blend = (x: number, y: number) => x * weight + y * (1 - weight);
  return toHex([blend(r1, r2), blend(g1, g2), blend(b1, b2)]);
}

/** Share of the accent in `--_accent-soft` (the tint behind available days and hovered times). */
export const ACCENT_SOFT_WEIGHT = 0.12;

function toHsl([red, green, blue]: Rgb): [number, number, number] {
  const [r, g, b] = [red / 255, green / 255, blue / 255];
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const lightness = (max + min) / 2;
  if (max === min) return [0, 0, lightness];
  const delta = max - min;
  const saturation = delta / (1 - Math.abs(2 * lightness - 1));
  const hue =
    max === r ? ((g - b) / delta) % 6 : max === g ? (b - r) / delta + 2 : (r - g) / delta + 4;
  return [(hue * 60 + 360) % 360, saturation, lightness];
}

function fromHsl(hue: number, saturation: number, lightness: number): Rgb {
  const chroma = (1 - Math.abs(2 * lightness - 1)) * saturation;
  const x = chroma * (1 - Math.abs(((hue / 60) % 2) - 1));
  const m = lightness - chroma / 2;
  const [r, g, b] =
    hue < 60
      ? [chroma, x, 0]
      : hue < 120
        ? [x, chroma, 0]
        : hue < 180
          ? [0, chroma, x]
          : hue < 240
            ? [0, x, chroma]
            : hue < 300
              ? [x, 0, chroma]
              : [chroma, 0, x];
  return [(r + m) * 255, (g + m) * 255, (b + m) * 255];
}

/**
 * `color` with its HSL lightness moved (darker on light backgrounds, lighter on dark ones) just
 * far enough to reach `target` against every background; hue and saturation stay, so the brand
 * stays recognisable. Unchanged when it already reaches it.
 */
export function adjustForContrast(color: string, backgrounds: string[], target = AA): string {
  const worst = (candidate: string) =>
    Math.min(...backgrounds.map((background) => contrastRatio(candidate, background)));
  const start = toHex(parseColor(color));
  if (worst(start) >= target) return start;
  // Text darker than the backgrounds when they are light, lighter when they are dark.
  const darken = readableOn(backgrounds[0]!) !== WHITE;
  const [hue, saturation, lightness] = toHsl(parseColor(start));
  // Luminance only grows with HSL lightness: bisect between the colour and black (or white).
  let near = lightness;
  let far = darken ? 0 : 1;
  for (let step = 0; step < 24; step += 1) {
    const middle = (near + far) / 2;
    if (worst(toHex(fromHsl(hue, saturation, middle))) >= target) far = middle;
    else near = middle;
  }
  const found = toHex(fromHsl(hue, saturation, far));
  // Black or white when even the far end does not reach it (a target above what is possible).
  return worst(found) >= target ? found : darken ? BLACK : WHITE;
}

/** The backgrounds text in the accent colour sits on, in a theme, for a brand colour. */
export function accentTextBackgrounds(
  brand: string,
  surface: string,
  surfaceAlt: string,
): string[] {
  return [surface, surfaceAlt, mix(brand, surface, ACCENT_SOFT_WEIGHT)];
}

/**
 * The custom properties for a brand colour: the colour itself for filled buttons and selections,
 * the text on it (`readableOn`, at least 4.5:1), and `--slotkit-color-accent-text`: the brand
 * darkened (or, on dark surfaces, lightened) until it reaches 4.5:1 as text on the surface, the
 * alternate surface and the accent tint, for time buttons, available days, links and outlines.
 *
 * `scheme` picks the surfaces: the built-in `'light'` or `'dark'` palette, or `'auto'` (the
 * default), which gives `light-dark(...)` values that follow the element's theme the way the
 * built-in palette does. Pass `surface` / `surfaceAlt` when the host also sets
 * `--slotkit-color-surface` / `--slotkit-color-surface-alt`.
 */
export function accentTokens(
  brand: string,
  options: { scheme?: Scheme | 'auto'; surface?: string; surfaceAlt?: string } = {},
): AccentTokens {
  if (!isHexColor(brand)) {
    throw new RangeError(`slotkit: brand colour ${JSON.stringify(brand)} is not #rrggbb or #rgb.`);
  }
  const accent = toHex(parseColor(brand));
  const textFor = (scheme: Scheme) => {
    const surface = options.surface ?? PALETTE.surface[scheme];
    const surfaceAlt = options.surfaceAlt ?? options.surface ?? PALETTE['surface-alt'][scheme];
    return adjustForContrast(accent, accentTextBackgrounds(accent, surface, surfaceAlt));
  };
  const scheme = options.scheme ?? 'auto';
  let accentText: string;
  if (scheme === 'auto') {
    const light = textFor('light');
    const dark = textFor('dark');
    accentText = light === dark ? light : `light-dark(${light}, ${dark})`;
  } else {
    accentText = textFor(scheme);
  }
  return {
    '--slotkit-color-accent': accent,
    '--slotkit-color-on-accent': readableOn(accent),
    '--slotkit-color-accent-text': accentText,
  };
}
