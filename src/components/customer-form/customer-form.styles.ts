import { css } from 'lit';

export const styles = css`
  /* A readable measure, not a desktop's full width (a page may widen it: its rules win). Here,
     not in the widget's styles: it loads with the form, not in the script's first paint. */
  :host {
    max-width: 34rem;
  }

  form {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 2);
    margin: 0;
    min-width: 0;
  }

  .field {
    display: flex;
    flex: 1 1 100%;
    flex-direction: column;
    gap: calc(var(--_space) / 2);
    min-width: 0;
  }

  /* First and last name share a row when there is room for both (not at 320 px). */
  .field.part {
    flex: 1 1 12rem;
  }

  .field.checkbox {
    display: grid;
    grid-template-columns: auto 1fr;
    align-items: start;
    column-gap: var(--_space);
  }

  .field.checkbox .hint,
  .field.checkbox .error {
    grid-column: 2;
  }

  label {
    font-weight: 600;
    overflow-wrap: anywhere;
  }

  .field.checkbox label {
    font-weight: normal;
  }

  .optional {
    color: var(--_muted);
    font-weight: normal;
  }

  input,
  textarea,
  select {
    width: 100%;
    min-height: 44px;
    padding: var(--_space) calc(var(--_space) * 1.25);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
  }

  textarea {
    min-height: 6rem;
    resize: vertical;
  }

  input[type='checkbox'] {
    width: 24px;
    height: 24px;
    min-height: 24px;
    margin: 0;
    padding: 0;
    accent-color: var(--_accent);
  }

  input[readonly],
  textarea[readonly],
  :disabled {
    background: var(--_surface-alt);
  }

  [aria-invalid='true'] {
    border-color: var(--_danger);
    border-width: 2px;
  }

  .hint {
    margin: 0;
    color: var(--_muted);
    font-size: 0.875em;
  }

  p.error {
    margin: 0;
    font-size: 0.875em;
    font-weight: 600;
  }

  .form-error,
  .config-error {
    flex: 1 1 100%;
    margin: 0;
    padding: var(--_space) calc(var(--_space) * 1.5);
    border: 1px solid var(--_danger);
    border-inline-start-width: 4px;
    border-radius: var(--_radius);
    color: var(--_danger);
  }

  /* Outside the form: the slotted actions (Back) follow it. */
  .config-error {
    margin-block-end: var(--_space);
  }

  .form-error p {
    margin: 0;
  }

  /* Submit first, the slotted actions (Back) beside it on one row; they wrap when narrow. */
  .actions {
    flex: 1 1 100%;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }

  .submit {
    min-height: 44px;
    min-width: 8rem;
  }

  .submit[aria-disabled='true'] {
    opacity: 0.75;
    cursor: progress;
  }

  .spinner {
    width: 1em;
    height: 1em;
    border: 2px solid currentColor;
    border-inline-end-color: transparent;
    border-radius: 50%;
    animation: slotkit-spin 0.8s linear infinite;
  }

  @keyframes slotkit-spin {
    to {
      transform: rotate(360deg);
    }
  }

  @media (forced-colors: active) {
    /* Mark is a highlighter yellow, near invisible on a light Canvas: a thicker ring instead. */
    [aria-invalid='true'] {
      border-color: CanvasText;
      border-width: 3px;
    }
  }
`;
