import { css } from 'lit';

export const styles = css`
  :host {
    /* The layout follows the list's own width: a sidebar on a desktop is as narrow as a phone. */
    container-type: inline-size;
    min-inline-size: min(18rem, 100%);
  }

  .body:focus {
    outline: none;
  }

  .body:focus-visible {
    outline: 3px solid var(--_focus);
  }

  .body {
    /* Loading and loaded take the same room: the page below does not jump when data arrives. */
    min-block-size: 30rem;
  }

  .zone {
    margin: 0 0 var(--_space);
  }

  .date-strip {
    display: flex;
    gap: calc(var(--_space) / 2);
    margin-block-end: var(--_space);
    flex-wrap: wrap;
    padding-block: 2px;
  }

  .date-button {
    flex: none;
    display: inline-flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    min-inline-size: 3.25rem;
    block-size: 3.25rem;
    padding: 0 var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: inherit;
    font: inherit;
    line-height: 1.2;
    white-space: nowrap;
    cursor: pointer;
  }

  .date-button[aria-pressed='true'] {
    border-color: var(--_accent);
    background: var(--_accent);
    color: var(--_on-accent);
  }

  .date-button:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }

  /* Week paging: the strip between its previous and next buttons, one row. */
  .strip-weeks {
    display: flex;
    align-items: flex-start;
    gap: calc(var(--_space) / 2);
    margin-block-end: var(--_space);
  }

  .strip-weeks .date-strip {
    flex: 1;
    min-inline-size: 0;
    margin-block-end: 0;
  }

  .week-button {
    flex: none;
    inline-size: 2.75rem;
    block-size: 3.25rem;
    margin-block-start: 2px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: inherit;
    font: inherit;
    font-size: 1.5em;
    line-height: 1;
    cursor: pointer;
  }

  .week-button[aria-disabled='true'] {
    opacity: 0.45;
    cursor: default;
  }

  .week-button:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }

  .strip-weekday {
    font-size: 0.8125em;
  }

  .strip-number {
    font-weight: 700;
    font-size: 1.1em;
  }

  .filters {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--_space) calc(var(--_space) * 2);
    margin-block-end: calc(var(--_space) * 2);
  }

  .field {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) / 2);
    min-width: 0;
    font-weight: 600;
  }

  input,
  select {
    font: inherit;
    font-weight: normal;
    color: inherit;
    min-height: 24px;
    padding: calc(var(--_space) / 2) var(--_space);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
    background: var(--_surface);
    max-width: 100%;
  }

  .search-field {
    flex: 1 1 12rem;
  }

  .day {
    /* Off-screen days skip layout and paint, so long lists stay smooth; they stay in the a11y tree. */
    content-visibility: auto;
    contain-intrinsic-size: auto 12rem;
  }

  /* Rows and days the filters leave out stay hidden whatever a page's ::part() rules say. */
  [hidden] {
    display: none !important;
  }

  .day:not([hidden]) ~ .day {
    margin-block-start: calc(var(--_space) * 3);
  }

  .day-heading {
    margin: 0 0 var(--_space);
    font-size: 1.05em;
  }

  .classes {
    display: grid;
    margin: 0;
    padding: 0;
    list-style: none;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    overflow: hidden;
  }

  .classes > li:not([hidden]) ~ li {
    border-block-start: 1px solid var(--_border);
  }

  /* One row: time | title and facts | seats left | seats and Book. */
  slotkit-class-list-item {
    display: grid;
    grid-template-columns: minmax(6.5rem, auto) minmax(0, 1fr) auto auto;
    align-items: center;
    gap: calc(var(--_space) / 2) calc(var(--_space) * 1.5);
    min-block-size: 3.75rem;
    padding: var(--_space) calc(var(--_space) * 1.5);
    background: var(--_surface);
  }

  /* Thicker as well as coloured: the selection does not rest on colour alone. */
  slotkit-class-list-item:state(selected) {
    box-shadow: inset 0 0 0 3px var(--_accent-text);
  }

  slotkit-class-list-item:state(sold-out),
  slotkit-class-list-item:state(closed) {
    background: var(--_surface-alt);
  }

  .info {
    display: grid;
    gap: 2px;
    min-width: 0;
  }

  slotkit-class-list-item p,
  .title {
    margin: 0;
  }

  .title {
    font-size: 1em;
  }

  /* Times break only where the text has a space: never inside "12時30分" (CJK text may
     otherwise break between any two characters). */
  .when,
  .reason,
  .hint {
    word-break: keep-all;
    overflow-wrap: break-word;
  }

  .when {
    font-variant-numeric: tabular-nums;
    font-weight: 600;
  }

  /* The separator sits in the gap before each fact; the clip hides the one that would start a
     line (the first fact's, or one after a wrap) so no line begins with a stray dot. */
  .facts {
    display: flex;
    flex-wrap: wrap;
    gap: 0 calc(var(--_space) * 2);
    overflow-x: clip;
    color: var(--_muted);
    font-size: 0.875em;
  }

  .facts:empty {
    display: none;
  }

  .facts > * {
    position: relative;
  }

  .facts > *::before {
    content: '·' / '';
    position: absolute;
    inset-inline-end: 100%;
    width: calc(var(--_space) * 2);
    text-align: center;
  }

  .price {
    color: var(--_text);
    font-weight: 600;
  }

  .seats {
    font-weight: 600;
    white-space: nowrap;
    font-size: 0.875em;
  }

  slotkit-class-list-item:state(sold-out) .seats {
    color: var(--_danger);
  }

  .hint,
  .reason {
    font-size: 0.875em;
    color: var(--_muted);
  }

  .actions {
    display: flex;
    align-items: center;
    justify-content: end;
    gap: var(--_space);
  }

  .seats-field {
    display: flex;
    align-items: center;
    gap: calc(var(--_space) / 2);
    font-size: 0.875em;
  }

  .notice {
    display: grid;
    justify-items: start;
    gap: var(--_space);
    padding: calc(var(--_space) * 2);
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
  }

  .notice p {
    margin: 0;
  }

  .more {
    display: flex;
    justify-content: center;
    margin-block-start: var(--_space);
  }

  /* Block flow: each placeholder carries the margin of the part it stands for. */
  .loading {
    display: block;
  }

  /* Each block the size of what replaces it. */
  .skeleton-zone {
    block-size: 3.6875rem;
    margin-block-end: var(--_space);
    inline-size: min(16rem, 100%);
  }

  .skeleton-strip {
    block-size: 3.5rem;
    margin-block-end: var(--_space);
  }

  .skeleton-filters {
    block-size: 3.6875rem;
    margin-block-end: calc(var(--_space) * 2);
  }

  .skeleton-heading {
    block-size: 1.5rem;
    margin-block-end: var(--_space);
    inline-size: 12rem;
  }

  .loading .classes {
    border: none;
    gap: 1px;
  }

  .skeleton-row {
    block-size: 3.75rem;
    border-radius: 0;
  }

  /* Narrow (a phone, a sidebar): time and seats above, the title, then the actions. */
  @container (max-width: 34rem) {
    slotkit-class-list-item {
      grid-template-columns: minmax(0, 1fr) auto;
    }

    .when {
      grid-column: 1;
    }

    .seats {
      grid-column: 2;
      grid-row: 1;
    }

    .info,
    .actions {
      grid-column: 1 / -1;
    }

    .actions {
      justify-content: space-between;
    }
  }

  @media (forced-colors: active) {
    slotkit-class-list-item:state(selected) {
      outline: 2px solid Highlight;
    }
  }
`;
