import { css } from 'lit';

/**
 * The styles of the steps after choosing (after-booking.ts): banners, the booking's facts, the
 * verify and cancel forms, the move's confirmation. In their chunk, not the first paint; the
 * widget adopts them beside its own when the chunk arrives (before it renders a step of theirs).
 */
export const afterBookingStyles = css`
  .banner {
    margin: 0;
    padding: var(--_space);
    border-inline-start: 4px solid var(--_success);
    background: var(--_surface-alt);
  }

  /* An ending the visitor did not choose: neutral, not the success colour. */
  .banner.ended {
    border-inline-start-color: var(--_border);
  }

  .banner.ended p {
    margin: 0;
  }

  .host-message {
    margin: var(--_space) 0 0;
  }

  .host-message blockquote {
    margin: calc(var(--_space) / 2) 0 0;
    padding-inline-start: var(--_space);
    border-inline-start: 2px solid var(--_border);
    white-space: pre-line;
    overflow-wrap: anywhere;
  }

  .button.danger {
    background: var(--_surface);
    color: var(--_danger);
    border: 1px solid var(--_danger);
  }

  .mark {
    color: var(--_success);
  }

  dl {
    display: grid;
    grid-template-columns: max-content minmax(0, 1fr);
    gap: calc(var(--_space) / 2) var(--_space);
    margin: 0;
  }

  dt {
    font-weight: 600;
  }

  dd {
    margin: 0;
    /* A booking reference is one long token: it breaks rather than widening a 320 px widget. */
    overflow-wrap: anywhere;
  }

  .result-message {
    font-size: 1.125em;
    font-weight: 600;
  }

  .result-message.good {
    color: var(--_success);
  }

  .actions,
  form {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: flex-end;
  }

  form label {
    flex-basis: 100%;
    font-weight: 600;
  }

  input,
  textarea {
    font: inherit;
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    min-height: 24px;
    max-width: 100%;
  }

  textarea {
    flex-basis: 100%;
  }

  .confirm {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: center;
  }
`;
