import { css } from 'lit';

export const styles = css`
  :host {
    container-type: inline-size;
    max-width: 100%;
    /* .widget paints the surface inside its rounded border; a square one behind would show. */
    background-color: transparent;
  }

  .widget {
    /* The host page's rules on <slotkit-widget> itself beat :host; restate text styles inside. */
    color: var(--_text);
    font-family: var(--_font);
    font-size: var(--_font-size);
    font-style: normal;
    font-weight: normal;
    line-height: 1.4;
    letter-spacing: normal;
    word-spacing: normal;
    text-transform: none;
    text-align: start;
    text-indent: 0;
    white-space: normal;
    /* A page's '* { all: unset }' resets the host's color-scheme; the themed palette needs it. */
    color-scheme: var(--_scheme);
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 1.5);
    padding: calc(var(--_space) * 2);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  h2 {
    margin: 0;
    font-size: 1.25em;
  }

  /* Holds the place of a part still loading, about the height it will take. */
  .parts-loading {
    min-block-size: 16rem;
  }

  .parts-error {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: var(--_space);
  }

  .parts-error p {
    margin: 0;
  }

  /* A lone button (Back, Retry) is as wide as its label, not the column. */
  .widget > .button {
    align-self: flex-start;
  }

  /* Focus moves to each step's heading: its ring (tokens.styles.ts) only for the keyboard. */
  h2:focus:not(:focus-visible) {
    outline: none;
  }

  .notice,
  .error {
    margin: 0;
    padding: var(--_space);
    border-inline-start: 4px solid var(--_accent);
    background: var(--_surface-alt);
  }

  .config-error {
    padding: var(--_space);
    border: 2px solid var(--_danger);
    border-radius: var(--_radius);
  }

  .config-error ul {
    margin: 0;
    padding-inline-start: 1.25em;
  }

  /* Name, facts and time one under another (the time is a block). */
  .summary {
    padding-block-end: var(--_space);
    border-block-end: 1px solid var(--_border);
  }

  /* "30 min · $25.00 · Biff": the facts in a wrapping row, each one's dot drawn in the gap
     before it (a negative margin on the dot, never on a box). The dot of a fact that begins a
     line falls outside the list, which clips it: the clipped side is the line's start, never
     scrolled to, and no box leaves the summary. Both sides are logical: right to left works
     the same. */
  .summary ul {
    display: flex;
    flex-wrap: wrap;
    column-gap: 1.2em;
    margin: 0;
    padding: 0;
    overflow: hidden;
  }

  /* A fact that wraps inside itself keeps its lines after the dot, not under it; a long word
     breaks rather than widen the list. Not a list item: no marker. */
  .summary li {
    display: flex;
    overflow-wrap: anywhere;
  }

  .summary li::before {
    content: '·' / '';
    flex: 0 0 1.2em;
    margin-inline-start: -1.2em;
    text-align: center;
  }

  /* A time or a zone name breaks only at a space, never inside "12時30分" or "米国東部標準時"
     (CJK text may otherwise break between any two characters). */
  .summary-when {
    word-break: keep-all;
    overflow-wrap: break-word;
  }

  /* A narrow widget: the summary stays compact but whole. Cutting it to one line would hide the
     price or the zone, which a visitor needs before booking. */
  @container (max-width: 22rem) {
    .summary {
      font-size: 0.875em;
    }
  }

  /* [data-problem]: only a notice has it. */
  .error,
  [data-problem] {
    border-inline-start-color: var(--_danger);
    color: var(--_text);
  }

  .error::before,
  [data-problem]::before {
    content: '⚠ ';
    color: var(--_danger);
  }
`;
