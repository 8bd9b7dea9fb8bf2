import { css } from 'lit';

/**
 * The time-zone button (zone-chooser.ts), shared by the picker and the class list; the panel's
 * styles come with the panel's code (zone-chooser-panel.styles.ts).
 */
export const zoneChooserStyles = css`
  /* Time zone */

  .timezone {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: calc(var(--_space) / 2);
  }

  .timezone-button {
    display: inline-flex;
    align-items: center;
    gap: var(--_space);
    max-inline-size: 100%;
    padding: var(--_space) calc(var(--_space) * 1.5);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: transparent;
    text-align: start;
  }

  .timezone-text {
    display: flex;
    flex-direction: column;
    min-inline-size: 0;
  }

  .timezone-label {
    color: var(--_muted);
    font-size: 0.8125em;
  }

  /* "New York (米国東部標準時)" breaks at its space, not inside the Japanese name (CJK text
     may break between any two characters); a word wider than the button still breaks. */
  .timezone-value {
    word-break: keep-all;
    overflow-wrap: anywhere;
  }

  .popover {
    display: none;
  }
`;
