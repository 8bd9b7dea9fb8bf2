import { css } from 'lit';

/**
 * The styles of the steps after choosing (after-booking.ts): banners, the booking's facts, the
 * verify and cancel forms, the move's confirmation. In their chunk, not the first paint; the
 * widget adopts them beside its own when the chunk arrives (before it renders a step of theirs).
 */
export const afterBookingStyles = css`
  /* The steps' paragraphs are spaced by the widget's gap alone, as the result's are. */
  .widget > p {
    margin: 0;
  }

  .banner {
    margin: 0;
    padding: var(--_space);
    border-inline-start: 4px solid var(--_success);
    background: var(--_surface-alt);
  }

  /* "Moved from … to …": times break only at a space, as in the summary (widget.styles.ts). */
  .banner[data-banner='moved'] {
    word-break: keep-all;
    overflow-wrap: break-word;
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

  /* A booking made: a success mark beside the heading, as Calendly and Cal.com show one. */
  .result-heading {
    display: flex;
    align-items: center;
    gap: var(--_space);
  }

  /* The heading takes the rest of the row, as a lone heading takes the column: its text starts
     at the start side (the right, right to left) and a long word wraps instead of widening it. */
  .result-heading h2 {
    flex: 1 1 0;
    min-width: 0;
    overflow-wrap: anywhere;
  }

  .mark,
  p[data-outcome='booked']::before,
  p[data-outcome='paid']::before {
    display: inline-flex;
    flex: none;
    align-items: center;
    justify-content: center;
    width: 1.75em;
    height: 1.75em;
    border-radius: 50%;
    background: var(--_success);
    color: var(--_surface);
    font-weight: 700;
  }

  /* Manage says the booking stands ("You are booked") with the same mark, smaller: drawn by
     CSS with no text for a screen reader, which reads the words. */
  p[data-outcome='booked'],
  p[data-outcome='paid'] {
    display: flex;
    align-items: center;
    gap: var(--_space);
    font-weight: 600;
  }

  p[data-outcome='booked']::before,
  p[data-outcome='paid']::before {
    content: '✓' / '';
    width: 1.5em;
    height: 1.5em;
    font-size: 0.875em;
  }

  /* Change time and Cancel booking on one row; the opened cancel form takes a row of its own. */
  .manage-actions {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    gap: var(--_space);
  }

  .manage-actions details[open] {
    flex-basis: 100%;
  }

  /* Where the opened <details>' content is a box of its own, Cancel booking stays where it was
     clicked, beside Change time, and only the form below takes the new row (else, above, the
     whole disclosure moves to a row of its own). */
  @supports selector(::details-content) {
    .manage-actions details[open] {
      display: contents;
    }

    .manage-actions details[open]::details-content {
      flex-basis: 100%;
    }
  }

  /* The cancel form at the customer form's readable measure, not a desktop's full width. */
  form.cancel {
    max-width: 34rem;
  }

  /* Closed, the form is not laid out at all: Chromium lays out a closed <details>' content
     (hidden) at the summary's width, where "Avboka" (sv) left it 100 px and the words inside
     scrolled sideways. */
  .cancel-details:not([open]) > form {
    display: none;
  }

  /* Each value under its label: a label beside a long reference left it a few characters wide. */
  dl {
    margin: 0;
  }

  /* The labels of the result's facts and of the calendar's links, alike. */
  dt,
  .calendar span {
    color: var(--_muted);
    font-size: 0.875em;
    font-weight: 600;
  }

  dd {
    margin: 0;
    /* The last resort for a long token: it breaks rather than widening a 320 px widget. */
    overflow-wrap: anywhere;
  }

  dd + dt {
    margin-block-start: var(--_space);
  }

  /* A reference is read out and typed in elsewhere: monospace tells 0 from O, and one click
     selects all of it for copying. */
  [data-reference] {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    user-select: all;
  }

  /* Add to calendar: the label above, the three links as one row of outlined choices. */
  .calendar {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }

  .calendar span {
    flex-basis: 100%;
  }

  .calendar a {
    display: inline-flex;
    align-items: center;
    min-height: 2.25em;
    padding: 0 calc(var(--_space) * 1.25);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    color: var(--_accent-text);
    text-underline-offset: 0.2em;
  }

  /* What happens next, the reference, the calendar: spaced as the widget spaces its steps. */
  .result {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 1.5);
  }

  .result p {
    margin: 0;
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
