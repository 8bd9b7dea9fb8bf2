import { css } from 'lit';

/**
 * Both elements of the popup modes live at the end of <body>, where the host page's rules reach
 * their hosts: `all: initial !important` on the host beats the page's `* { … }` rules, even its
 * `!important` ones (inside a shadow root, important declarations win), and stops inherited text
 * styles. Custom properties still inherit, so `--slotkit-*` tokens on the page theme them.
 */
export const isolated = css`
  :host {
    all: initial !important;
    display: contents !important;
  }

  .themed {
    color-scheme: var(--_scheme);
    color: var(--_text);
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: 1.4;
    box-sizing: border-box;
  }
`;

export const dialogStyles = css`
  dialog {
    width: min(100vw - 4 * var(--_space), 44rem);
    max-width: none;
    max-height: calc(100dvh - 4 * var(--_space));
    margin: auto;
    padding: 0;
    border: 0;
    border-radius: calc(var(--_radius) * 1.5);
    background: var(--_surface);
    box-shadow: 0 24px 64px var(--_shadow);
    overflow: auto;
    /* Scrolling the dialog to its end does not scroll the page behind. */
    overscroll-behavior: contain;
  }

  dialog::backdrop {
    background: rgb(0 0 0 / 0.5);
  }

  /* The dialog itself takes focus on opening (its name is read); the ring is for controls. */
  dialog:focus {
    outline: none;
  }

  .bar {
    position: sticky;
    top: 0;
    z-index: 1;
    display: flex;
    justify-content: flex-end;
    padding: var(--_space) var(--_space) 0;
    background: var(--_surface);
  }

  .close {
    display: inline-grid;
    place-items: center;
    width: 44px;
    height: 44px;
    padding: 0;
    border: 1px solid transparent;
    border-radius: var(--_radius);
    background: transparent;
    color: var(--_text);
  }

  .close:hover {
    background: var(--_surface-alt);
  }

  .close svg {
    width: 20px;
    height: 20px;
  }

  .content {
    padding: 0 calc(var(--_space) * 2) calc(var(--_space) * 2);
  }

  /* A phone: the whole screen, no margin left around a dialog too narrow to use. */
  @media (max-width: 480px) {
    dialog {
      width: 100vw;
      height: 100dvh;
      max-height: 100dvh;
      border-radius: 0;
    }

    .content {
      padding: 0 var(--_space) var(--_space);
    }
  }

  @media (forced-colors: active) {
    dialog {
      border: 1px solid CanvasText;
    }

    .close {
      border-color: ButtonText;
    }
  }
`;

export const floatingStyles = css`
  /* A popover in the top layer where supported: above every stacking context of the page. */
  .corner {
    position: fixed;
    inset: auto calc(16px + env(safe-area-inset-right, 0px))
      calc(16px + env(safe-area-inset-bottom, 0px)) auto;
    z-index: 2147483647;
    width: auto;
    height: auto;
    margin: 0;
    padding: 0;
    border: 0;
    background: transparent;
    overflow: visible;
  }

  :host([position='bottom-left']) .corner {
    inset: auto auto calc(16px + env(safe-area-inset-bottom, 0px))
      calc(16px + env(safe-area-inset-left, 0px));
  }

  .button {
    min-height: 48px;
    border-radius: 999px;
    box-shadow: 0 8px 24px var(--_shadow);
  }

  .button svg {
    flex: none;
    width: 20px;
    height: 20px;
  }

  /* The page's focus ring colour is unknown: a surface-coloured ring inside keeps ours visible. */
  .button:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
    box-shadow:
      0 0 0 2px var(--_surface),
      0 8px 24px var(--_shadow);
  }

  /* A small screen: an icon-sized round button (its words stay its accessible name). */
  @media (max-width: 480px) {
    .corner {
      inset: auto calc(12px + env(safe-area-inset-right, 0px))
        calc(12px + env(safe-area-inset-bottom, 0px)) auto;
    }

    :host([position='bottom-left']) .corner {
      inset: auto auto calc(12px + env(safe-area-inset-bottom, 0px))
        calc(12px + env(safe-area-inset-left, 0px));
    }

    .button {
      width: 48px;
      height: 48px;
      padding: 0;
    }

    .text {
      position: absolute;
      width: 1px;
      height: 1px;
      margin: 0;
      padding: 0;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
      border: 0;
    }
  }
`;
