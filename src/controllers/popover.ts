import type { Placement } from '@floating-ui/dom';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { loadFloating, prefetchFloating } from './floating.ts';

export interface PopoverOptions {
  /** The button that opens the popover; focus returns to it on close. */
  trigger: () => HTMLElement | null | undefined;
  /** The floating panel. With a `popover` attribute it is shown in the top layer. */
  popover: () => HTMLElement | null | undefined;
  /** What to focus once open; the panel itself when absent. */
  initialFocus?: () => HTMLElement | null | undefined;
  /** Default 'bottom-start' (start follows the text direction). */
  placement?: Placement;
  /** Gap between trigger and panel, px. Default 4. */
  distance?: number;
  /** Room kept between panel and viewport edges, px. Default 8. */
  padding?: number;
  /** Called after the popover closed, whatever closed it. */
  onClose?: () => void;
}

export interface HideOptions {
  /** Put focus back on the trigger (default). Off when the visitor clicked elsewhere. */
  returnFocus?: boolean;
}

/**
 * A panel anchored to a trigger: positioned by @floating-ui/dom (flip and shift to stay on
 * screen, size to fit), kept in place while it is open, closed by Escape, an outside click or
 * focus leaving it. The host renders the panel's content when `open` is true.
 *
 * A panel with the `popover` attribute goes to the top layer, so a host page's
 * `overflow: hidden` or `z-index` cannot clip or cover it; the panel's CSS should reset
 * `inset` and `margin` and use `position: fixed` (coordinates are for the fixed strategy).
 */
export class PopoverController implements ReactiveController {
  private isOpen = false;
  private stopUpdating: (() => void) | undefined;
  private listening: { popover: HTMLElement; trigger: HTMLElement } | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: PopoverOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    prefetchFloating();
  }

  get open(): boolean {
    return this.isOpen;
  }

  hostDisconnected(): void {
    if (!this.isOpen) return;
    this.isOpen = false;
    this.teardown();
    // Rendered closed when it comes back.
    this.host.requestUpdate();
  }

  /** Opens, waits for the host to render the content, positions it and moves focus into it. */
  async show(): Promise<void> {
    if (this.isOpen) return;
    this.isOpen = true;
    this.host.requestUpdate();
    await this.host.updateComplete;
    const popover = this.options.popover();
    const trigger = this.options.trigger();
    if (!this.isOpen || !popover || !trigger) return;
    if (popover.hasAttribute('popover') && !popover.matches(':popover-open')) {
      popover.showPopover();
    }
    let floating: Awaited<ReturnType<typeof loadFloating>> | undefined;
    try {
      floating = await loadFloating();
    } catch {
      // Without the positioning code the panel still opens, just under the trigger.
      floating = undefined;
    }
    if (!this.isOpen) return;
    if (floating) {
      const { autoUpdate } = floating;
      this.stopUpdating = autoUpdate(
        trigger,
        popover,
        () => void this.position(floating!, trigger, popover),
      );
    } else {
      const box = trigger.getBoundingClientRect();
      Object.assign(popover.style, { left: `${box.left}px`, top: `${box.bottom + 4}px` });
    }
    popover.addEventListener('keydown', this.onKeydown);
    popover.addEventListener('focusout', this.onFocusout);
    trigger.addEventListener('keydown', this.onKeydown);
    document.addEventListener('pointerdown', this.onPointerdown, true);
    this.listening = { popover, trigger };
    (this.options.initialFocus?.() ?? popover).focus();
  }

  hide({ returnFocus = true }: HideOptions = {}): void {
    if (!this.isOpen) return;
    this.isOpen = false;
    this.teardown();
    this.host.requestUpdate();
    // Before the host re-renders without the focused content, so focus never drops to <body>.
    if (returnFocus) this.options.trigger()?.focus();
    this.options.onClose?.();
  }

  toggle(): Promise<void> | void {
    return this.isOpen ? this.hide() : this.show();
  }

  private teardown(): void {
    this.stopUpdating?.();
    this.stopUpdating = undefined;
    const listening = this.listening;
    this.listening = undefined;
    document.removeEventListener('pointerdown', this.onPointerdown, true);
    if (!listening) return;
    listening.popover.removeEventListener('keydown', this.onKeydown);
    listening.popover.removeEventListener('focusout', this.onFocusout);
    listening.trigger.removeEventListener('keydown', this.onKeydown);
    if (listening.popover.matches(':popover-open')) listening.popover.hidePopover();
  }

  private async position(
    { computePosition, flip, offset, shift, size }: Awaited<ReturnType<typeof loadFloating>>,
    trigger: HTMLElement,
    popover: HTMLElement,
  ): Promise<void> {
    const padding = this.options.padding ?? 8;
    const { x, y } = await computePosition(trigger, popover, {
      strategy: 'fixed',
      placement: this.options.placement ?? 'bottom-start',
      middleware: [
        offset(this.options.distance ?? 4),
        flip({ padding }),
        shift({ padding }),
        size({
          padding,
          apply({ availableWidth, availableHeight, elements }) {
            Object.assign(elements.floating.style, {
              maxWidth: `${Math.max(0, availableWidth)}px`,
              maxHeight: `${Math.max(0, availableHeight)}px`,
            });
          },
        }),
      ],
    });
    if (!this.isOpen) return;
    Object.assign(popover.style, { left: `${x}px`, top: `${y}px` });
  }

  private readonly onKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return;
    // Ours alone: an enclosing dialog must not close too.
    event.preventDefault();
    event.stopPropagation();
    this.hide();
  };

  private readonly onPointerdown = (event: PointerEvent): void => {
    const path = event.composedPath();
    if (
      this.listening &&
      !path.includes(this.listening.popover) &&
      !path.includes(this.listening.trigger)
    ) {
      this.hide({ returnFocus: false });
    }
  };

  // Tabbing out closes it; focus going nowhere (the window lost focus) does not.
  private readonly onFocusout = (event: FocusEvent): void => {
    const next = event.relatedTarget;
    if (!(next instanceof Node) || !this.listening) return;
    const { popover, trigger } = this.listening;
    if (!popover.contains(next) && next !== trigger) this.hide({ returnFocus: false });
  };
}
