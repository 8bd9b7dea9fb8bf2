import { css } from 'lit';
import { zoneChooserStyles } from './zone-chooser.styles.ts';

export const styles = css`
  :host {
    /* The layout follows the picker's own width, not the page's: it is often in a sidebar. */
    container-type: inline-size;
    /* Size containment gives no intrinsic width: keep one where a parent shrinks to fit. */
    min-inline-size: min(18rem, 100%);
  }

  .base {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 2);
  }

  .layout {
    display: grid;
    gap: calc(var(--_space) * 3);
  }

  @container (min-width: 38rem) {
    .layout {
      grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
      align-items: start;
    }
  }

  h2 {
    margin: 0;
    font-size: 1.125em;
    font-weight: 600;
  }

  p {
    margin: 0;
  }

  .message {
    color: var(--_muted);
  }

  .icon {
    flex: none;
  }

  /* The base carries the catalogue's direction, also when the picker stands alone. */
  .base:dir(rtl) .chevron-start,
  .base:dir(rtl) .chevron-end {
    transform: scaleX(-1);
  }

  /* Calendar */

  .calendar-header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
    margin-block-end: var(--_space);
  }

  .month-heading {
    text-align: center;
    flex: 1;
  }

  .nav-button {
    display: inline-grid;
    place-items: center;
    inline-size: 2.75rem;
    block-size: 2.75rem;
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: transparent;
  }

  .nav-button[aria-disabled='true'] {
    opacity: 0.4;
    cursor: not-allowed;
  }

  .calendar {
    inline-size: 100%;
    border-collapse: collapse;
    table-layout: fixed;
  }

  .weekday {
    padding-block: calc(var(--_space) / 2);
    color: var(--_muted);
    font-size: 0.8125em;
    font-weight: 600;
    text-align: center;
  }

  td {
    padding: 2px;
    text-align: center;
  }

  .day {
    cursor: default;
    border-radius: var(--_radius);
  }

  .day-number {
    display: inline-grid;
    place-items: center;
    inline-size: 2.5rem;
    max-inline-size: 100%;
    block-size: 2.5rem;
    border: 2px solid transparent;
    border-radius: 50%;
    color: var(--_muted);
  }

  .day.available {
    cursor: pointer;
  }

  .day.available .day-number {
    background: var(--_accent-soft);
    color: var(--_accent-text);
    font-weight: 700;
  }

  .day.available:hover .day-number {
    border-color: var(--_accent-text);
  }

  .day.today .day-number {
    text-decoration: underline;
    text-underline-offset: 3px;
  }

  .day.selected .day-number {
    background: var(--_accent);
    color: var(--_on-accent);
  }

  .day-number.skeleton {
    background: var(--_surface-alt);
    color: var(--_muted);
  }

  .error-box {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    margin-block: var(--_space);
  }

  /* Times */

  .times-panel {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 1.5);
    min-inline-size: 0;
  }

  .times-panel > .button {
    align-self: flex-start;
  }

  .times-heading:focus {
    outline: none;
  }

  .times-heading:focus-visible {
    outline: 3px solid var(--_focus);
  }

  .times,
  .times-skeleton {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(6.5rem, 1fr));
    gap: var(--_space);
    margin: 0;
    padding: 4px;
    list-style: none;
    max-block-size: 22rem;
    overflow-y: auto;
  }

  .time {
    display: flex;
    align-items: center;
    justify-content: center;
    gap: calc(var(--_space) / 2);
    min-block-size: 2.75rem;
    padding-inline: var(--_space);
    border: 1px solid var(--_accent-text);
    border-radius: var(--_radius);
    color: var(--_accent-text);
    font-weight: 600;
    font-variant-numeric: tabular-nums;
    cursor: pointer;
  }

  .time:hover {
    background: var(--_accent-soft);
  }

  .time.selected {
    background: var(--_accent);
    color: var(--_on-accent);
  }

  /* As tall as a full day's list (the area's max-block-size): no jump when the times arrive. */
  .times-skeleton {
    block-size: 22rem;
    overflow: hidden;
  }

  .time-skeleton {
    block-size: 2.75rem;
  }

  ${zoneChooserStyles}

  @media (forced-colors: active) {
    /* The transparent ring would be forced visible on every day: only available days get one. */
    .day-number {
      border-color: Canvas;
      color: GrayText;
    }

    .day.available .day-number,
    .time {
      border-color: ButtonText;
      color: ButtonText;
    }

    .nav-button[aria-disabled='true'] {
      border-color: GrayText;
      color: GrayText;
      opacity: 1;
    }

    .day.selected .day-number,
    .time.selected,
    .zone-option.active {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
    }

    .popover {
      border-color: CanvasText;
    }
  }
`;
