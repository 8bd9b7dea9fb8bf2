import { html, LitElement } from 'lit';
import { property, query } from 'lit/decorators.js';
import { LocalizeController } from '../../controllers/localize.ts';
import { defineElement } from '../../components/shared/define.ts';
import { tokens } from '../../components/shared/tokens.styles.ts';
import { dialogStyles, isolated } from './popup.styles.ts';

const TABBABLE = 'a[href], button, input, select, textarea, [tabindex]';

/** The elements Tab stops at under `root`, in order, through open shadow roots. */
function tabbables(root: Element | null): HTMLElement[] {
  const found: HTMLElement[] = [];
  const walk = (node: Element | ShadowRoot) => {
    for (const child of node.children) {
      if (child instanceof HTMLElement && child.matches(TABBABLE) && child.tabIndex >= 0) {
        const usable = !(child as HTMLButtonElement).disabled && child.checkVisibility();
        if (usable) found.push(child);
      }
      if (child.shadowRoot) walk(child.shadowRoot);
      walk(child);
    }
  };
  if (root) walk(root);
  return found;
}

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
  @query('.close') private closeButton!: HTMLButtonElement | null;
  @query('.content') private content!: HTMLElement | null;

  /** The widget shown: kept here between openings, so a closed popup keeps the visitor's place. */
  @property({ attribute: false }) widget: HTMLElement | undefined;
  /** The dialog's accessible name; by default the catalogue's "Booking". */
  @property() label: string | undefined;
  @property() locale: string | undefined;

  get isOpen(): boolean {
    return this.dialog?.open ?? false;
  }

  /**
   * Tab past the last control comes back to the first, Shift+Tab before the first goes to the
   * last: a native modal would hand focus to the browser's own toolbar in between.
   */
  private readonly wrapForward = () => void (this.opening || this.closeButton?.focus());
  private readonly wrapBackward = () =>
    void (this.opening || tabbables(this.content).at(-1)?.focus());
  /** While showModal() runs its own focusing: the first sentinel it may pick is not a wrap. */
  private opening = false;

  private readonly onClose = () => this.dispatchEvent(new Event('close'));

  /** Only a click on the backdrop itself: the dialog's content fills the dialog's box. */
  private readonly onClick = (event: MouseEvent) => {
    if (event.target === this.dialog) this.hide();
  };

  async show(): Promise<void> {
    await this.updateComplete;
    const dialog = this.dialog;
    if (!dialog || dialog.open) return;
    this.opening = true;
    dialog.showModal();
    // The dialog, not its first button, takes focus: its name is read, Tab goes on from there.
    dialog.focus();
    this.opening = false;
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
      <span class="visually-hidden" tabindex="0" @focus=${this.wrapBackward}></span>
      <div class="bar">
        <button part="close-button" class="close" type="button" @click=${() => this.hide()}>
          <svg viewBox="0 0 20 20" aria-hidden="true" focusable="false">
            <path d="M5 5l10 10M15 5L5 15" stroke="currentColor" stroke-width="2" fill="none" />
          </svg>
          <span class="visually-hidden">${t.common.close}</span>
        </button>
      </div>
      <div class="content">${this.widget}</div>
      <span class="visually-hidden" tabindex="0" @focus=${this.wrapForward}></span>
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
