import { html, svg, type TemplateResult } from 'lit';

/** The picker's inline icons: decorative, hidden from assistive technology. */

export const chevron = (direction: 'start' | 'end' | 'down'): TemplateResult =>
  html`<svg
    class="icon chevron-${direction}"
    viewBox="0 0 24 24"
    width="20"
    height="20"
    aria-hidden="true"
    focusable="false"
  >
    ${svg`<path d=${direction === 'down' ? 'M6 9l6 6 6-6' : direction === 'start' ? 'M15 6l-6 6 6 6' : 'M9 6l6 6-6 6'} fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" />`}
  </svg>`;

export const globe = html`<svg
  class="icon"
  viewBox="0 0 24 24"
  width="20"
  height="20"
  aria-hidden="true"
  focusable="false"
>
  ${svg`<circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" stroke-width="2" />
  <path d="M3 12h18M12 3c2.5 2.7 3.8 5.7 3.8 9s-1.3 6.3-3.8 9c-2.5-2.7-3.8-5.7-3.8-9s1.3-6.3 3.8-9z" fill="none" stroke="currentColor" stroke-width="2" />`}
</svg>`;

export const check = html`<svg
  class="icon check"
  viewBox="0 0 24 24"
  width="16"
  height="16"
  aria-hidden="true"
  focusable="false"
>
  ${svg`<path d="M5 12l5 5 9-10" fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round" />`}
</svg>`;
