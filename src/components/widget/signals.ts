import {
  BookingCancelledEvent,
  BookingCreatedEvent,
  BookingFailedEvent,
  BookingPaidEvent,
  BookingRescheduledEvent,
  HoldCreatedEvent,
  PaymentRequiredEvent,
  SlotkitErrorEvent,
  bookingDetail,
} from '../../events.ts';
import type { Signal } from '../../flow/index.ts';

/** The flow's signals and the view's own two moments (booking.js's render callbacks). */
export type WidgetSignal = Signal | { type: 'render-started' } | { type: 'render-completed' };

/**
 * The DOM event a signal makes, if it makes one: the only place `slotkit-*` outcome events of
 * the widget are built, and where their payload is decided (see `BookingDetail`). Signals with no
 * public event (loads, the form closing) reach only the booking.js bridge.
 */
export function eventFor(signal: WidgetSignal, shareCustomer: boolean): Event | undefined {
  const share = (booking: Parameters<typeof bookingDetail>[0]) =>
    bookingDetail(booking, shareCustomer);
  switch (signal.type) {
    case 'hold-created':
      return new HoldCreatedEvent({ hold: signal.detail.hold });
    case 'booking-created': {
      const { booking } = signal.detail;
      return new BookingCreatedEvent({ booking: share(booking), state: booking.state });
    }
    case 'booking-failed': {
      const { code, message } = signal.detail.error;
      return new BookingFailedEvent({ error: { code, message } });
    }
    case 'payment-required': {
      const { booking, expiresAt } = signal.detail;
      return new PaymentRequiredEvent({
        booking: share(booking),
        ...(expiresAt ? { expiresAt } : {}),
      });
    }
    case 'booking-paid':
      return new BookingPaidEvent({ booking: share(signal.detail.booking) });
    case 'booking-cancelled':
      return new BookingCancelledEvent({ booking: share(signal.detail.booking) });
    case 'booking-rescheduled': {
      const { booking, rescheduledTo } = signal.detail;
      return new BookingRescheduledEvent({ booking: share(booking), rescheduledTo });
    }
    case 'error': {
      const { code, message } = signal.detail.error;
      return new SlotkitErrorEvent({ code, message });
    }
    default:
      return undefined;
  }
}
