import type { AvailableSlot, Booking, Group, Hold } from './schemas/index.ts';

/**
 * Every event slotkit fires at the host page: `slotkit-` + kebab-case, bubbling and composed,
 * one class each with a typed `detail`. Intent events (a visitor chose something) are
 * cancelable; outcome events end in a past participle. None fires when a property is set.
 */

const OUTCOME = { bubbles: true, composed: true } as const;
const INTENT = { bubbles: true, composed: true, cancelable: true } as const;

/** A problem the widget shows the visitor, for the host page's logs and analytics. */
export interface SlotkitProblem {
  code: string;
  message: string;
}

/**
 * A booking as the widget's events carry it. Events bubble out of the widget to every script
 * on the page (analytics, chat, ads), so by default they carry what a host page needs (ids,
 * graph, state, times, seats, the project, the possible actions) and not who booked: no
 * `customers`, no `customer_token` (the key to cancel or move the booking), no `logs`. A host
 * that needs them sets `share-customer` on the widget; booking.js callbacks, which the host
 * hands to one widget, still receive the whole booking as booking.js did.
 */
export type BookingDetail = Omit<Booking, 'customers' | 'customer_token' | 'logs'> &
  Partial<Pick<Booking, 'customers' | 'customer_token'>>;

/** The booking as an event may carry it: whole only when the host asked (`share-customer`). */
export function bookingDetail(booking: Booking, shareCustomer: boolean): BookingDetail {
  const { customers, customer_token, logs: _logs, ...rest } = booking;
  if (!shareCustomer) return rest;
  return { ...rest, customers, ...(customer_token ? { customer_token } : {}) };
}

export class SlotSelectEvent extends Event {
  static readonly type = 'slotkit-slot-select';
  constructor(readonly detail: { slot: AvailableSlot }) {
    super(SlotSelectEvent.type, INTENT);
  }
}

export class DateSelectEvent extends Event {
  static readonly type = 'slotkit-date-select';
  constructor(readonly detail: { date: string }) {
    super(DateSelectEvent.type, OUTCOME);
  }
}

/** The picker shows another month: the owner of the data should load it. */
export class MonthChangeEvent extends Event {
  static readonly type = 'slotkit-month-change';
  constructor(readonly detail: { month: string }) {
    super(MonthChangeEvent.type, OUTCOME);
  }
}

export class TimeZoneChangeEvent extends Event {
  static readonly type = 'slotkit-timezone-change';
  constructor(readonly detail: { timeZone: string }) {
    super(TimeZoneChangeEvent.type, INTENT);
  }
}

export class ClassSelectEvent extends Event {
  static readonly type = 'slotkit-class-select';
  constructor(readonly detail: { group: Group; seats: number }) {
    super(ClassSelectEvent.type, INTENT);
  }
}

/** The visitor asked to join a sold-out class's waitlist. */
export class WaitlistJoinEvent extends Event {
  static readonly type = 'slotkit-waitlist-join';
  constructor(readonly detail: { group: Group; seats: number }) {
    super(WaitlistJoinEvent.type, INTENT);
  }
}

/** The visitor asked to try a failed load again. */
export class RetryEvent extends Event {
  static readonly type = 'slotkit-retry';
  constructor(readonly detail: { what: string }) {
    super(RetryEvent.type, OUTCOME);
  }
}

export class FormSubmitEvent extends Event {
  static readonly type = 'slotkit-form-submit';
  constructor(readonly detail: { customer: Record<string, string | boolean> }) {
    super(FormSubmitEvent.type, INTENT);
  }
}

export class HoldCreatedEvent extends Event {
  static readonly type = 'slotkit-hold-created';
  constructor(readonly detail: { hold: Hold }) {
    super(HoldCreatedEvent.type, OUTCOME);
  }
}

/** The visitor asked for more time on the hold. */
export class HoldExtendEvent extends Event {
  static readonly type = 'slotkit-hold-extend';
  constructor(readonly detail: { holdId?: string }) {
    super(HoldExtendEvent.type, INTENT);
  }
}

export class HoldExpiredEvent extends Event {
  static readonly type = 'slotkit-hold-expired';
  constructor(readonly detail: { expiresAt: string; holdId?: string }) {
    super(HoldExpiredEvent.type, OUTCOME);
  }
}

export class BookingCreatedEvent extends Event {
  static readonly type = 'slotkit-booking-created';
  constructor(readonly detail: { booking: BookingDetail; state: string }) {
    // Cancelable: a host page calling preventDefault() stops the widget's redirect-url.
    super(BookingCreatedEvent.type, { ...OUTCOME, cancelable: true });
  }
}

export class BookingFailedEvent extends Event {
  static readonly type = 'slotkit-booking-failed';
  constructor(readonly detail: { error: SlotkitProblem }) {
    super(BookingFailedEvent.type, OUTCOME);
  }
}

export class PaymentRequiredEvent extends Event {
  static readonly type = 'slotkit-payment-required';
  constructor(readonly detail: { booking: BookingDetail; expiresAt?: string }) {
    super(PaymentRequiredEvent.type, OUTCOME);
  }
}

export class BookingPaidEvent extends Event {
  static readonly type = 'slotkit-booking-paid';
  constructor(readonly detail: { booking: BookingDetail }) {
    super(BookingPaidEvent.type, OUTCOME);
  }
}

export class BookingCancelledEvent extends Event {
  static readonly type = 'slotkit-booking-cancelled';
  constructor(readonly detail: { booking: BookingDetail }) {
    super(BookingCancelledEvent.type, OUTCOME);
  }
}

export class BookingRescheduledEvent extends Event {
  static readonly type = 'slotkit-booking-rescheduled';
  constructor(readonly detail: { booking: BookingDetail; rescheduledTo: string }) {
    super(BookingRescheduledEvent.type, OUTCOME);
  }
}

export class SlotkitErrorEvent extends Event {
  static readonly type = 'slotkit-error';
  constructor(readonly detail: SlotkitProblem) {
    super(SlotkitErrorEvent.type, OUTCOME);
  }
}

/** Every event slotkit fires, by type: the one typed map (the global map below extends it). */
export interface SlotkitEventMap {
  'slotkit-slot-select': SlotSelectEvent;
  'slotkit-date-select': DateSelectEvent;
  'slotkit-month-change': MonthChangeEvent;
  'slotkit-timezone-change': TimeZoneChangeEvent;
  'slotkit-class-select': ClassSelectEvent;
  'slotkit-waitlist-join': WaitlistJoinEvent;
  'slotkit-retry': RetryEvent;
  'slotkit-form-submit': FormSubmitEvent;
  'slotkit-hold-created': HoldCreatedEvent;
  'slotkit-hold-extend': HoldExtendEvent;
  'slotkit-hold-expired': HoldExpiredEvent;
  'slotkit-booking-created': BookingCreatedEvent;
  'slotkit-booking-failed': BookingFailedEvent;
  'slotkit-payment-required': PaymentRequiredEvent;
  'slotkit-booking-paid': BookingPaidEvent;
  'slotkit-booking-cancelled': BookingCancelledEvent;
  'slotkit-booking-rescheduled': BookingRescheduledEvent;
  'slotkit-error': SlotkitErrorEvent;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalEventHandlersEventMap extends SlotkitEventMap {}
}
