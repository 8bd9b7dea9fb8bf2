import type { WidgetSignal } from './signals.ts';

/**
 * booking.js v3's callbacks, fired at the moments booking.js fires them, so a site switching
 * from booking.js keeps its hooks. Arguments are slotkit's objects (a booking, a slot, an error
 * problem), not axios responses. Events (`slotkit-*`) are the first-class API.
 */
export interface BookingJsCallbacks {
  renderStarted?: () => void;
  renderCompleted?: () => void;
  fetchAvailabilityStarted?: (request: unknown) => void;
  fetchAvailabilitySuccessful?: (response: unknown) => void;
  fetchAvailabilityFailed?: (error: unknown) => void;
  getBookingSlotsStarted?: () => void;
  getBookingSlotsSuccessful?: (response: unknown) => void;
  getBookingSlotsFailed?: (error: unknown) => void;
  clickTimeslot?: (slot: unknown) => void;
  showBookingPage?: (slot: unknown) => void;
  closeBookingPage?: () => void;
  submitBookingForm?: (values: unknown) => void;
  createBookingStarted?: (payload: unknown) => void;
  createBookingSuccessful?: (response: unknown) => void;
  createBookingFailed?: (error: unknown) => void;
  errorTriggered?: (message: unknown, data?: unknown) => void;
}

export type BookingJsCallbackName = keyof BookingJsCallbacks;

/** Which callback a signal is, with its arguments; signals booking.js had no hook for: none. */
function callFor(signal: WidgetSignal): [BookingJsCallbackName, ...unknown[]] | undefined {
  switch (signal.type) {
    case 'render-started':
      return ['renderStarted'];
    case 'render-completed':
      return ['renderCompleted'];
    case 'availability-loading':
      return ['fetchAvailabilityStarted', signal.detail.request];
    case 'availability-loaded':
      return ['fetchAvailabilitySuccessful', signal.detail.dates];
    case 'availability-failed':
      return ['fetchAvailabilityFailed', signal.detail.error];
    case 'classes-loading':
      return ['getBookingSlotsStarted'];
    case 'classes-loaded':
      return ['getBookingSlotsSuccessful', signal.detail.groups];
    case 'classes-failed':
      return ['getBookingSlotsFailed', signal.detail.error];
    case 'slot-chosen':
      return ['clickTimeslot', signal.detail.slot];
    case 'hold-created':
      return ['showBookingPage', signal.detail.hold];
    case 'details-closed':
      return ['closeBookingPage'];
    case 'form-submitted':
      return ['submitBookingForm', signal.detail.values];
    case 'booking-requested':
      return ['createBookingStarted', signal.detail.request];
    case 'booking-created':
      return ['createBookingSuccessful', signal.detail.booking];
    case 'booking-failed':
      return ['createBookingFailed', signal.detail.error];
    case 'error':
      return ['errorTriggered', signal.detail.error.message, signal.detail.error];
    default:
      return undefined;
  }
}

/**
 * The bridge: listens to the widget's signals (the same stream its events are made from) and
 * calls the host's booking.js callback for each, without letting a callback's error break the
 * widget.
 */
export function bookingJsBridge(callbacks: BookingJsCallbacks): (signal: WidgetSignal) => void {
  return (signal) => {
    const call = callFor(signal);
    if (!call) return;
    const [name, ...args] = call;
    const callback: unknown = callbacks[name];
    if (typeof callback !== 'function') return;
    try {
      callback(...args);
    } catch (error) {
      console.error(`slotkit: the ${name} callback threw`, error);
    }
  };
}
