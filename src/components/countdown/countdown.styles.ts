import { css } from 'lit';

export const styles = css`
  /* Extend stays near its timer on a desktop, at the form's measure (customer-form.styles.ts). */
  :host {
    max-width: 34rem;
  }

  .base {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space) calc(var(--_space) * 1.5);
    min-width: 0;
  }

  .label {
    color: var(--_muted);
  }

  /* The timer and Extend stay together: where the row is too narrow they move under the label
     as one (Extend never drops below its own timer), Extend at the row's end. */
  .clock {
    flex: 1 0 auto;
    display: flex;
    align-items: center;
    gap: calc(var(--_space) * 1.5);
  }

  .timer {
    font-size: var(--slotkit-countdown-font-size, 1.25em);
    font-weight: 600;
    /* Equal-width digits: the timer does not jiggle as it counts. */
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }

  :host(:state(warning)) .timer {
    color: var(--slotkit-countdown-warning-color, var(--_danger));
    font-weight: 700;
  }

  .button {
    margin-inline-start: auto;
  }

  .button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: progress;
  }

  .message {
    margin: 0;
  }

  :host(:state(expired)) .message {
    font-weight: 600;
  }

  @media (forced-colors: active) {
    /* Colour is gone: the warning keeps a system-coloured outline as well as the heavier weight. */
    :host(:state(warning)) .timer {
      outline: 2px solid CanvasText;
      outline-offset: 2px;
    }
  }
`;
