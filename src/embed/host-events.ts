/**
 * `SlotkitBooking.on(event, handler)` / `off(event, handler)`: the widget's DOM events for
 * script-tag users. slotkit's events bubble out of every shadow root (composed), so a listener
 * on the document hears every widget on the page, inline or in a popup. The handler gets the
 * event itself, as from `addEventListener` (`event.detail.booking`, ...), and the platform's
 * rules hold: the same handler added twice is one listener, one that throws stops no other.
 */
type DomName = Extract<keyof GlobalEventHandlersEventMap, `slotkit-${string}`>;
type Short<N> = N extends `slotkit-${infer Rest}` ? Rest : never;
/** `slotkit-booking-created`, or short, `booking-created`. */
export type SlotkitEventName = DomName | Short<DomName>;
export type SlotkitEventHandler<K extends SlotkitEventName> = (
  event: GlobalEventHandlersEventMap[K extends DomName ? K : `slotkit-${K}`],
) => void;

const domName = (name: string) => (name.startsWith('slotkit-') ? name : `slotkit-${name}`);

export function on<K extends SlotkitEventName>(name: K, handler: SlotkitEventHandler<K>): void {
  document.addEventListener(domName(name), handler as EventListener);
}

export function off<K extends SlotkitEventName>(name: K, handler: SlotkitEventHandler<K>): void {
  document.removeEventListener(domName(name), handler as EventListener);
}
