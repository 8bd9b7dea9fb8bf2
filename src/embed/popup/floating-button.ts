import { html, LitElement } from 'lit';
import { property, query } from 'lit/decorators.js';
import { LocalizeController } from '../../controllers/localize.ts';
import { classList } from '../../i18n/en/class-list.ts';
import { defineElement } from '../../components/shared/define.ts';
import { tokens } from '../../components/shared/tokens.styles.ts';
import { floatingStyles, isolated } from './popup.styles.ts';
import type { ButtonPosition } from '../options.ts';

/**
 * @summary The floating "Book" button in a corner of the page that opens the booking popup. A
 * manual popover where the browser has them, so no z-index of the page covers it; on a screen
 * 480 px wide or less it shrinks to a 48 px round icon (its words stay its name), so it does not
 * sit over the page's content. Made by popup.ts (`mountFloatingButton`).
 * @tag slotkit-floating-button
 *
 * @attr position - `bottom-right` (default) or `bottom-left`.
 *
 * @csspart button - The button.
 */
export class SlotkitFloatingButton extends LitElement {
  static override styles = [tokens, isolated, floatingStyles];
  // host.focus() (focus returning from the popup) lands on the button.
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  private readonly localize = new LocalizeController(this, () => this.locale, { classList });

  @query('.corner') private corner!: HTMLElement | null;

  @property({ reflect: true }) position: ButtonPosition = 'bottom-right';
  /** The button's words; by default the catalogue's "Book". */
  @property() text: string | undefined;
  @property() locale: string | undefined;

  protected override firstUpdated(): void {
    // Into the top layer; browsers without popovers keep the fixed position and z-index.
    const corner = this.corner;
    if (corner && 'showPopover' in corner) corner.showPopover();
  }

  override render() {
    return html`<div class="corner themed" popover="manual" dir=${this.localize.dir}>
      <button part="button" class="button" type="button">
        <svg viewBox="0 0 20 20" aria-hidden="true" focusable="false">
          <rect x="3" y="4" width="14" height="13" rx="2" stroke="currentColor" fill="none" />
          <path d="M3 8h14M7 2v4M13 2v4" stroke="currentColor" fill="none" />
        </svg>
        <span class="text">${this.text ?? this.localize.t.classList.book}</span>
      </button>
    </div>`;
  }
}

export function defineFloatingButton(): void {
  defineElement('slotkit-floating-button', SlotkitFloatingButton);
}

declare global {
  interface HTMLElementTagNameMap {
    'slotkit-floating-button': SlotkitFloatingButton;
  }
}
