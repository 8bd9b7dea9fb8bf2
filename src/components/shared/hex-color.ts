/**
 * `#rgb` or `#rrggbb`: the brand colours `accentTokens` takes. Apart from contrast.ts so the
 * settings check can name a bad colour without the contrast maths, which loads only when a
 * brand colour is set (see the widget's `applyBrand`).
 */
export const isHexColor = (value: unknown): value is string =>
  typeof value === 'string' && /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(value.trim());
