/** Chromium before 125 only accepted custom states spelled `--name`. */
function toggleState(states: CustomStateSet, name: string, on: boolean): void {
  try {
    if (on) states.add(name);
    else states.delete(name);
  } catch {
    if (on) states.add(`--${name}`);
    else states.delete(`--${name}`);
  }
}

/**
 * @summary One class in `<slotkit-class-list>`. It has no shadow root and no template: the list
 * renders its content. It exists so every class carries its own custom states, which host pages
 * style as `slotkit-class-list::part(class):state(sold-out)`.
 *
 * @tag slotkit-class-list-item
 *
 * @cssstate sold-out - No seats are left.
 * @cssstate closed - Outside its sign-up window: booking has not opened yet or has closed.
 * @cssstate selected - The class the visitor chose (`selectedGroupId` of the list).
 */
export class SlotkitClassListItem extends HTMLElement {
  private readonly internals = this.attachInternals();

  // Write-only: pages read the states (`:state(sold-out)`); only the list sets them.
  set soldOut(on: boolean) {
    toggleState(this.internals.states, 'sold-out', on);
  }

  set closed(on: boolean) {
    toggleState(this.internals.states, 'closed', on);
  }

  set selected(on: boolean) {
    toggleState(this.internals.states, 'selected', on);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'slotkit-class-list-item': SlotkitClassListItem;
  }
}
