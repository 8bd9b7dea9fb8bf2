import { css } from 'lit';

/**
 * The time-zone chooser's panel (zone-chooser-panel.ts): adopted into the host's shadow root
 * when the panel's code loads, so the first paint carries only the button's styles.
 */
export const zonePanelStyles = css`
  .popover {
    position: fixed;
    inset: auto;
    margin: 0;
    z-index: 2147483647;
    inline-size: min(24rem, calc(100vw - 16px));
    padding: calc(var(--_space) * 1.5);
    flex-direction: column;
    gap: var(--_space);
    overflow: hidden;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    box-shadow: 0 10px 30px var(--_shadow);
  }

  .popover.open {
    display: flex;
  }

  .search-label {
    font-weight: 600;
  }

  .search {
    inline-size: 100%;
    min-block-size: 2.75rem;
    padding-inline: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: inherit;
    font: inherit;
  }

  .zone-list {
    flex: 1 1 auto;
    min-block-size: 0;
    max-block-size: 18rem;
    margin: 0;
    padding: 0;
    overflow-y: auto;
    list-style: none;
  }

  .zone-list[hidden] {
    display: none;
  }

  .zone-option {
    display: grid;
    grid-template-columns: 1fr auto;
    column-gap: var(--_space);
    align-items: center;
    padding: var(--_space);
    border-radius: calc(var(--_radius) / 2);
    cursor: pointer;
  }

  .zone-option:hover {
    background: var(--_surface-alt);
  }

  .zone-option.active {
    background: var(--_accent);
    color: var(--_on-accent);
  }

  .zone-city {
    font-weight: 600;
  }

  .zone-name {
    grid-column: 1;
    font-size: 0.875em;
  }

  .zone-option .check {
    grid-column: 2;
    grid-row: 1 / span 2;
  }

  .hint {
    color: var(--_muted);
    font-size: 0.875em;
  }

  @media (forced-colors: active) {
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
