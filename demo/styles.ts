import { css } from 'lit';

/** What every sandbox element shares: page colours (from page.css), buttons, focus, panels. */
export const shared = css`
  :host {
    display: block;
    box-sizing: border-box;
    color: var(--page-text);
  }

  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  h2,
  h3,
  h4 {
    margin: 0 0 0.5rem;
    line-height: 1.25;
  }

  h3 {
    font-size: 1.1rem;
  }

  h4 {
    font-size: 1rem;
  }

  p {
    margin: 0 0 0.5rem;
  }

  .hint {
    color: var(--page-muted);
    font-size: 0.875rem;
  }

  .panel {
    padding: 1rem;
    background: var(--page-panel);
    border: 1px solid var(--page-border);
    border-radius: 8px;
  }

  button,
  select,
  input,
  textarea {
    font: inherit;
    color: inherit;
  }

  button {
    min-height: 32px;
    min-width: 32px;
    padding: 0.25rem 0.75rem;
    border: 1px solid var(--page-accent);
    border-radius: 6px;
    background: transparent;
    color: var(--page-accent);
    cursor: pointer;
  }

  button.primary,
  button[aria-pressed='true'] {
    background: var(--page-accent);
    color: var(--page-on-accent);
  }

  button:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }

  select,
  input:not([type='radio'], [type='checkbox']),
  textarea {
    min-height: 32px;
    padding: 0.25rem 0.5rem;
    border: 1px solid var(--page-border);
    border-radius: 6px;
    background: var(--page-panel);
  }

  :focus-visible {
    outline: 3px solid var(--page-accent);
    outline-offset: 2px;
  }

  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }

  .error {
    color: var(--page-danger);
  }

  code,
  pre {
    font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
    font-size: 0.85em;
  }

  /* A scrolling region is focusable so keyboard users can scroll it. */
  .scroll {
    max-height: 32rem;
    overflow: auto;
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }

  @media (forced-colors: active) {
    button[aria-pressed='true'] {
      outline: 2px solid ButtonText;
    }
  }
`;
