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

  .zone {
    margin: 0 0 var(--_space);
    color: var(--_muted);
    font-size: 0.875em;
  }

  .filters {
    display: flex;
    flex-wrap: wrap;
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

  .day {
    /* Off-screen days skip layout and paint, so long lists stay smooth; they stay in the a11y tree. */
    content-visibility: auto;
    contain-intrinsic-size: auto 16rem;
  }

  .day + .day {
    margin-block-start: calc(var(--_space) * 3);
  }

  .day-heading {
    margin: 0 0 var(--_space);
    font-size: 1.05em;
  }

  .classes {
    display: grid;
    gap: var(--_space);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  slotkit-class-list-item {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: calc(var(--_space) / 2) calc(var(--_space) * 2);
    padding: calc(var(--_space) * 1.5);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  /* Thicker as well as coloured: the selection does not rest on colour alone. */
  slotkit-class-list-item:state(selected) {
    border-color: var(--_accent-text);
    box-shadow: 0 0 0 2px var(--_accent-text);
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

  .info p,
  .title {
    margin: 0;
  }

  .title {
    font-size: 1em;
  }

  .when,
  .where,
  .resource {
    color: var(--_muted);
  }

  .seats {
    font-weight: 600;
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
    flex-wrap: wrap;
    align-items: end;
    justify-content: end;
    gap: var(--_space);
  }

  .seats-field {
    display: flex;
    flex-direction: column;
    gap: 2px;
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

  .loading {
    display: grid;
    gap: var(--_space);
  }

  .loading .skeleton {
    height: 4.5rem;
  }

  @container (max-width: 30rem) {
    slotkit-class-list-item {
      grid-template-columns: 1fr;
    }

    .actions {
      justify-content: start;
    }
  }

  @media (forced-colors: active) {
    slotkit-class-list-item:state(selected) {
      outline: 2px solid Highlight;
    }
  }
`;
