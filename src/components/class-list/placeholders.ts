import { html, type TemplateResult } from 'lit';
import type { Messages } from '../../i18n/index.ts';

/**
 * What <slotkit-class-list> shows while its classes are not there yet: the loaded list's shape
 * (zone row, strip, filters, a day heading, rows of the same size), and the rows' placeholders
 * alone for the frame a long list's rows are deferred to; and instead of classes: the error
 * with its retry, and "no matches" with its way out.
 */

export function renderLoading(t: Messages['classList']): TemplateResult {
  return html`<div part="skeleton" class="loading" aria-busy="true">
    <span class="visually-hidden">${t.loading}</span>
    <div class="skeleton-zone skeleton" aria-hidden="true"></div>
    <div class="skeleton-strip skeleton" aria-hidden="true"></div>
    <div class="skeleton-filters skeleton" aria-hidden="true"></div>
    <div class="skeleton-heading skeleton" aria-hidden="true"></div>
    ${skeletonRows()}
  </div>`;
}

/** Rows' placeholders; the deferred rows' too, for their one frame. */
export function skeletonRows(): TemplateResult {
  return html`<div class="classes" aria-hidden="true">
    ${[0, 1, 2, 3].map(() => html`<div class="skeleton-row skeleton"></div>`)}
  </div>`;
}

export function renderError(
  text: string,
  retry: string,
  onRetry: (event: Event) => void,
): TemplateResult {
  return html`<div part="error" class="notice">
    <p class="error">${text}</p>
    <button part="retry-button" class="button" type="button" @click=${onRetry}>${retry}</button>
  </div>`;
}

export function renderNoMatches(
  t: Messages['classList'],
  onClearFilters: (event: Event) => void,
): TemplateResult {
  return html`<div part="empty" class="notice">
    <p>${t.noMatches}</p>
    <button part="clear-button" class="button secondary" type="button" @click=${onClearFilters}>
      ${t.clearFilters}
    </button>
  </div>`;
}
