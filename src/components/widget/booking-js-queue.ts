import type { BookingJsCallbacks } from './callbacks.ts';
import type { WidgetSignal } from './signals.ts';

type Bridge = typeof import('./callbacks.ts');

/**
 * booking.js's callback bridge (callbacks.ts), a chunk of its own: only sites moving from
 * booking.js set `callbacks`. Shared by every widget on the page; a failed import is tried again.
 */
let bridge: Bridge | undefined;
let bridgeImport: Promise<Bridge> | undefined;
function loadBridge(): Promise<Bridge> {
  bridgeImport ??= import('./callbacks.ts').then(
    (loaded) => (bridge = loaded),
    (error: unknown) => {
      bridgeImport = undefined;
      throw error;
    },
  );
  return bridgeImport;
}

/** One widget's signals on their way to booking.js's callbacks, in the order they came. */
export class BookingJsQueue {
  /** Signals for booking.js's callbacks while the bridge loads, in order. */
  private waiting: Array<[WidgetSignal, BookingJsCallbacks]> = [];

  /**
   * booking.js's callback for `signal`: at once when the bridge is in, else once it arrives (the
   * first signal, render-started, asks for it), in the order the signals came.
   */
  call(signal: WidgetSignal, callbacks: BookingJsCallbacks): void {
    if (bridge && this.waiting.length === 0) {
      bridge.bookingJsBridge(callbacks)(signal);
      return;
    }
    this.waiting.push([signal, callbacks]);
    if (this.waiting.length > 1) return; // the import is under way
    loadBridge().then(
      (loaded) => {
        const waiting = this.waiting;
        this.waiting = [];
        for (const [queued, to] of waiting) loaded.bookingJsBridge(to)(queued);
      },
      (error: unknown) => {
        this.waiting = [];
        console.error('slotkit: could not load the booking.js callbacks:', error);
      },
    );
  }
}
