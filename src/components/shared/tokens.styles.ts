import { css } from 'lit';

/**
 * The design tokens every element reads. Global `--slotkit-*` custom properties with fallbacks,
 * so the widget looks right with no host CSS and can be themed from outside the shadow roots.
 */
export const tokens = css`
  :host {
    --_accent: var(--slotkit-color-accent, #1d4ed8);
    --_on-accent: var(--slotkit-color-on-accent, #ffffff);
    --_text: var(--slotkit-color-text, #1f2937);
    --_muted: var(--slotkit-color-muted, #4b5563);
    --_surface: var(--slotkit-color-surface, #ffffff);
    --_surface-alt: var(--slotkit-color-surface-alt, #f3f4f6);
    --_border: var(--slotkit-color-border, #9ca3af);
    --_danger: var(--slotkit-color-danger, #b91c1c);
    --_success: var(--slotkit-color-success, #166534);
    --_focus: var(--slotkit-color-focus, #1d4ed8);
    --_radius: var(--slotkit-radius, 8px);
    --_space: var(--slotkit-space, 8px);
    --_font: var(--slotkit-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_font-size: var(--slotkit-font-size, 1rem);

    display: block;
    box-sizing: border-box;
    color: var(--_text);
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: 1.4;
    /* Host pages' aggressive CSS stops at the shadow boundary, but inherited text styles do not. */
    text-align: start;
    letter-spacing: normal;
    text-transform: none;
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
    margin: -1px;
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
    padding: calc(var(--_space) * 1.25) calc(var(--_space) * 2);
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_accent);
    color: var(--_on-accent);
    font-weight: 600;
  }

  .button.secondary {
    background: transparent;
    color: var(--_accent);
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
    }
  }

  .error {
    color: var(--_danger);
  }

  @media (forced-colors: active) {
    .button {
      border: 1px solid ButtonText;
    }
  }
`;
