import { html, LitElement } from 'lit';
import { property, query } from 'lit/decorators.js';
import { LocalizeController } from '../../controllers/localize.ts';
import { defineElement } from '../../components/shared/define.ts';
import { tokens } from '../../components/shared/tokens.styles.ts';
import { dialogStyles, isolated } from './popup.styles.ts';

/**
 * @summary The popup's modal dialog around one `<slotkit-widget>`: a native `<dialog>` opened
 * with `showModal()`, so it sits in the top layer above any stacking context of the page, the
 * page behind is inert and Tab stays inside. Escape, the close button or a click on the backdrop
 * closes it. Made and driven by popup.ts; not meant to be placed by hand.
 * @tag slotkit-popup
 *
 * @event close - The dialog closed (not composed: popup.ts listens on the element).
 *
 * @csspart dialog - The `<dialog>`.
 * @csspart close-button - The close button.
 */
export class SlotkitPopup extends LitElement {
  static override styles = [tokens, isolated, dialogStyles];

  private readonly localize = new LocalizeController(this, () => this.locale);

  @query('dialog') private dialog!: HTMLDialogElement | null;

  /** The widget shown: kept here between openings, so a closed popup keeps the visitor's place. */
  @property({ attribute: false }) widget: HTMLElement | undefined;
  /** The dialog's accessible name; by default the catalogue's "Booking". */
  @property() label: string | undefined;
  @property() locale: string | undefined;

  get isOpen(): boolean {
    return this.dialog?.open ?? false;
  }

  private readonly onClose = () => this.dispatchEvent(new Event('close'));

  /** Only a click on the backdrop itself: the dialog's content fills the dialog's box. */
  private readonly onClick = (event: MouseEvent) => {
    if (event.target === this.dialog) this.hide();
  };

  async show(): Promise<void> {
    await this.updateComplete;
    const dialog = this.dialog;
    if (!dialog || dialog.open) return;
    dialog.showModal();
    // The dialog, not its first button, takes focus: its name is read, Tab goes on from there.
    dialog.focus();
  }

  hide(): void {
    this.dialog?.close();
  }

  override render() {
    const t = this.localize.t;
    return html`<dialog
      part="dialog"
      class="themed"
      tabindex="-1"
      aria-label=${this.label ?? t.widget.resultHeading}
      dir=${this.localize.dir}
      @close=${this.onClose}
      @click=${this.onClick}
    >
      <div class="bar">
        <button part="close-button" class="close" type="button" @click=${() => this.hide()}>
          <svg viewBox="0 0 20 20" aria-hidden="true" focusable="false">
            <path d="M5 5l10 10M15 5L5 15" stroke="currentColor" stroke-width="2" fill="none" />
          </svg>
          <span class="visually-hidden">${t.common.close}</span>
        </button>
      </div>
      <div class="content">${this.widget}</div>
    </dialog>`;
  }
}

export function definePopupDialog(): void {
  defineElement('slotkit-popup', SlotkitPopup);
}

declare global {
  interface HTMLElementTagNameMap {
    'slotkit-popup': SlotkitPopup;
  }
}
