import { html, type TemplateResult } from 'lit';

/** Where the picker's days or times are: the owner loads them and says so. */
export type LoadStatus = 'loading' | 'error' | 'ready';

export const STATUSES: readonly string[] = ['loading', 'error', 'ready'];

/** A failed load's message and its retry button, under the grid or in the times panel. */
export function renderLoadError(
  what: 'dates' | 'slots',
  message: string,
  retryLabel: string,
  onRetry: () => void,
): TemplateResult {
  return html`<div class="error-box">
    <p part="error" class="error" id="${what}-error">${message}</p>
    <button
      type="button"
      part="retry-button"
      class="button secondary"
      aria-describedby="${what}-error"
      @click=${onRetry}
    >
      ${retryLabel}
    </button>
  </div>`;
}
