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

/** Calls a host callback without letting its errors break the widget. */
export function fire(
  callbacks: BookingJsCallbacks | undefined,
  name: BookingJsCallbackName,
  ...args: unknown[]
): void {
  const callback = callbacks?.[name] as ((...values: unknown[]) => void) | undefined;
  if (typeof callback !== 'function') return;
  try {
    callback(...args);
  } catch (error) {
    console.error(`slotkit: the ${name} callback threw`, error);
  }
}
