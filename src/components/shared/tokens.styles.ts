import { css, unsafeCSS } from 'lit';

/**
 * The built-in palette: each `--slotkit-color-<name>` token's default in the light and the dark
 * theme. Every text pair reaches WCAG AA (4.5:1) and every border 3:1 on both surfaces; the
 * contrast tests check each pair, so change a colour here and the tests tell you what broke.
 */
export const PALETTE = {
  /** Filled buttons, the selected day and time. */
  accent: { light: '#1d4ed8', dark: '#93c5fd' },
  /** Text and icons on `accent`. */
  'on-accent': { light: '#ffffff', dark: '#0b1120' },
  text: { light: '#1f2937', dark: '#e5e7eb' },
  /** Secondary text: hints, labels, unavailable days. */
  muted: { light: '#4b5563', dark: '#a3acb9' },
  /** The element's background, inputs, cards. */
  surface: { light: '#ffffff', dark: '#111827' },
  /** Skeletons, notices, classes that cannot be booked, read-only fields. */
  'surface-alt': { light: '#f3f4f6', dark: '#1f2937' },
  /** Input and card outlines: 3:1 against both surfaces (WCAG 1.4.11). */
  border: { light: '#7d8594', dark: '#6b7280' },
  danger: { light: '#b91c1c', dark: '#fca5a5' },
  success: { light: '#166534', dark: '#86efac' },
  /** The popover's drop shadow. */
  shadow: { light: 'rgb(0 0 0 / 0.18)', dark: 'rgb(0 0 0 / 0.6)' },
} as const;

export type PaletteToken = keyof typeof PALETTE;

// Constants of this module, not data: unsafeCSS only joins our own palette into the sheet.
const names = Object.keys(PALETTE) as PaletteToken[];
const byScheme = unsafeCSS(
  names
    .map((name) => {
      const { light, dark } = PALETTE[name];
      return `--_${name}: var(--slotkit-color-${name}, light-dark(${light}, ${dark}));`;
    })
    .join('\n'),
);
const lightOnly = unsafeCSS(
  names
    .map((name) => `--_${name}: var(--slotkit-color-${name}, ${PALETTE[name].light});`)
    .join('\n'),
);

/**
 * The design tokens every element reads. Global `--slotkit-*` custom properties with fallbacks,
 * so the widget looks right with no host CSS and can be themed from outside the shadow roots.
 *
 * Light or dark: each default is `light-dark(<light>, <dark>)`, resolved by the element's
 * `color-scheme`: the `theme="light|dark"` attribute, else `--slotkit-color-scheme`, else the
 * visitor's `prefers-color-scheme`. The attribute sets `--_theme`, which inherits into the
 * elements inside the widget's shadow root, so `<slotkit-widget theme="dark">` is dark all the
 * way down; an element's own `theme` attribute wins over its parent's.
 */
export const tokens = css`
  :host {
    /* Wrappers inside restate color-scheme: var(--_scheme) where page CSS may reset the host's. */
    --_scheme: var(--_theme, var(--slotkit-color-scheme, light dark));
    color-scheme: var(--_scheme);
    ${byScheme}
    /* Accent as text on the surface; a host brand colour needs its own, see docs/theming.md. */
    --_accent-text: var(--slotkit-color-accent-text, var(--_accent));
    --_focus: var(--slotkit-color-focus, var(--_accent-text));
    --_accent-soft: color-mix(in srgb, var(--_accent) 12%, var(--_surface));
    --_radius: var(--slotkit-radius, 8px);
    --_space: var(--slotkit-space, 8px);
    --_font: var(--slotkit-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_font-size: var(--slotkit-font-size, 1rem);

    display: block;
    box-sizing: border-box;
    /* Text colours are only readable on the surface they were chosen for: paint it. */
    background-color: var(--_surface);
    color: var(--_text);
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: 1.4;
    /* Host pages' aggressive CSS stops at the shadow boundary, but inherited text styles do not. */
    text-align: start;
    letter-spacing: normal;
    text-transform: none;
  }

  :host([theme='light']) {
    --_theme: light;
  }

  :host([theme='dark']) {
    --_theme: dark;
  }

  /* Browsers before light-dark() (Safari < 17.5, Chrome < 123): the light theme, coherent. */
  @supports not (color: light-dark(#000, #fff)) {
    :host {
      --_scheme: light;
      ${lightOnly}
    }
  }

  :host([hidden]) {
    display: none;
  }

  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    /* Not -1px: right to left, that pushed the box past the right edge (a sideways scroll). */
    margin: 0;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }

  button {
    font: inherit;
    color: inherit;
    min-height: 24px;
    min-width: 24px;
    cursor: pointer;
  }

  button:disabled {
    cursor: not-allowed;
  }

  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: calc(var(--_space) / 2);
    max-width: 100%;
    padding: calc(var(--_space) * 1.25) calc(var(--_space) * 2);
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_accent);
    color: var(--_on-accent);
    font-weight: 600;
    /* Long translated labels wrap inside the button rather than push it past a narrow widget:
       hyphenated by the element's lang where the browser can, broken anywhere where not. */
    overflow-wrap: anywhere;
    hyphens: auto;
    text-align: center;
  }

  .button.secondary {
    border-color: var(--_accent-text);
    background: transparent;
    color: var(--_accent-text);
  }

  .button:disabled {
    opacity: 0.6;
  }

  .skeleton {
    border-radius: var(--_radius);
    background: var(--_surface-alt);
    animation: slotkit-pulse 1.2s ease-in-out infinite;
  }

  @keyframes slotkit-pulse {
    50% {
      opacity: 0.5;
    }
  }

  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation: none !important;
      transition: none !important;
      scroll-behavior: auto !important;
    }
  }

  .error {
    color: var(--_danger);
  }

  @media (forced-colors: active) {
    .button {
      border: 1px solid ButtonText;
    }

    .button:disabled,
    .button[aria-disabled='true'] {
      border-color: GrayText;
      color: GrayText;
      opacity: 1;
    }

    /* Backgrounds are forced to Canvas: placeholders keep an outline so loading is visible. */
    .skeleton {
      border: 1px dashed GrayText;
    }
  }
`;
