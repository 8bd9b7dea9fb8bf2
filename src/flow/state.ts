import type {
  AvailabilityRequest,
  AvailableDate,
  AvailableSlot,
  Booking,
  CreateBookingRequest,
  Group,
  Hold,
  WaitlistEntry,
} from '../schemas/index.ts';
import type { Problem } from './problem.ts';

/**
 * The visitor's journey as data: one state at a time, each holding exactly what its step shows.
 * `BookingFlow` moves between them; the widget renders them. No DOM, no Lit, no words: the view
 * translates codes and cues into the visitor's language.
 */

/** A load of the flow's own. "Not asked yet" (`idle`) is not "asked and empty". */
export type Load<T> =
  | { status: 'idle' }
  /** Asking; `stale` is the last answer, if any, while the new one travels. */
  | { status: 'loading'; stale?: T }
  | { status: 'ready'; value: T }
  | { status: 'error'; error: Problem };

/** The days with times in a month, and the first day with times after it when it has none. */
export interface MonthDates {
  dates: string[];
  next: string | undefined;
}

/** The time picker's data: a month's days, and one day's times once a day is chosen. */
export interface Picker {
  /** `YYYY-MM`, in the visitor's time zone. */
  month: string;
  date: string | undefined;
  dates: Load<MonthDates>;
  slots: Load<AvailableSlot[]>;
}

/** Why the visitor is back at the chooser, or what stopped their choice there. */
export type Notice =
  | { kind: 'hold-expired' }
  | { kind: 'payment-expired' }
  | { kind: 'slot-taken' }
  | { kind: 'class-full' }
  /** A manage link (from an email) that opens no booking: unknown, wrong token, incomplete. */
  | { kind: 'link-invalid' }
  /** A waitlist join found seats free: book instead. */
  | { kind: 'seats-available' }
  /** A waitlist offer's link came after its hold ended. */
  | { kind: 'offer-expired' }
  | { kind: 'problem'; problem: Problem };

/** The outcome of a change on the manage view: the move (old and new time) or the cancel. */
export type Banner =
  | { kind: 'moved'; from: { start: string; end: string }; to: { start: string; end: string } }
  | { kind: 'cancelled' };

/** What is held for the visitor while they fill in the form. */
export type Held = { kind: 'slot'; slot: AvailableSlot } | { kind: 'class'; group: Group };

/** The form's values as the visitor typed them (kept across holds: nothing typed is lost). */
export type CustomerValues = Record<string, string | boolean>;

/** Where a site owner's configuration is wrong: which setting, and what it accepts. */
export interface ConfigProblem {
  setting: string;
  message: string;
}

export type FlowState =
  /** The project's configuration is on its way. */
  | { step: 'loading' }
  /** The site owner's settings cannot work; nothing more happens until they change. */
  | { step: 'misconfigured'; problems: ConfigProblem[] }
  /** The configuration could not be loaded (network, server); `retry()` starts again. */
  | { step: 'failed'; error: Problem }
  /** Choose a time (1:1 graphs). `busy` while a hold is asked for. */
  | { step: 'choose'; chooser: 'times'; picker: Picker; busy: boolean; notice?: Notice }
  /** Choose a class and seats (group graphs). */
  | {
      step: 'choose';
      chooser: 'classes';
      classes: Load<Group[]>;
      busy: boolean;
      notice?: Notice;
    }
  /** The form, under a hold that counts down. */
  | {
      step: 'details';
      hold: Hold;
      held: Held;
      values: CustomerValues;
      submitting: boolean;
      extending: boolean;
      /** The API's per-field refusals, shown on the form's fields. */
      fieldErrors: Array<{ path: string; message: string }>;
      error?: Problem;
    }
  /** Joining a sold-out class's waitlist: the form with the booking's fields. */
  | {
      step: 'waitlist';
      group: Group;
      seats: number;
      values: CustomerValues;
      submitting: boolean;
      fieldErrors: Array<{ path: string; message: string }>;
      error?: Problem;
    }
  /** On the waitlist: the confirmation; `left` once the visitor left it from there. */
  | {
      step: 'waitlisted';
      group: Group;
      entry: WaitlistEntry;
      leaving?: boolean;
      left?: boolean;
      error?: Problem;
    }
  /** The booking waits for the code e-mailed to the visitor. */
  | { step: 'verify'; booking: Booking; busy: boolean; error?: Problem }
  /** The booking waits for payment within its window. */
  | { step: 'payment'; booking: Booking; busy: boolean; error?: Problem }
  /** `cancellableUntil`: the class's last moment to cancel (its `min_cancel_time`), if any. */
  | { step: 'result'; booking: Booking; cancellableUntil?: string }
  /** An existing booking: cancel or reschedule. `booking` is undefined while it loads. */
  | {
      step: 'manage';
      booking: Booking | undefined;
      busy: boolean;
      error?: Problem;
      /** What the visitor just did here, to say so until they leave. */
      banner?: Banner;
      cancellableUntil?: string;
    }
  /** Choosing a new time for a booking; `pendingMove` waits on the visitor's confirmation. */
  | {
      step: 'rescheduling';
      booking: Booking;
      picker: Picker;
      pendingMove: AvailableSlot | undefined;
      busy: boolean;
      notice?: Notice;
    };

export type Step = FlowState['step'];

/**
 * Outcomes the flow reports besides its state: the public events and booking.js's callbacks
 * are made from these in one place (the widget's `fire`). Records are whole here; what a host
 * page may see of them is decided there.
 */
export interface FlowSignals {
  'availability-loading': { request: AvailabilityRequest };
  'availability-loaded': { dates: AvailableDate[] };
  'availability-failed': { error: Problem };
  'classes-loading': Record<string, never>;
  'classes-loaded': { groups: Group[] };
  'classes-failed': { error: Problem };
  'slot-chosen': { slot: AvailableSlot };
  'hold-created': { hold: Hold };
  /** The form was left without booking (back, expiry). */
  'details-closed': Record<string, never>;
  'form-submitted': { values: CustomerValues };
  'booking-requested': { request: CreateBookingRequest };
  'booking-created': { booking: Booking };
  'booking-failed': { error: Problem };
  'payment-required': { booking: Booking; expiresAt: string | undefined };
  'booking-paid': { booking: Booking };
  'booking-cancelled': { booking: Booking };
  'booking-rescheduled': { booking: Booking; rescheduledTo: string };
  /** Something the visitor is shown as an error. */
  error: { error: Problem };
}

export type Signal = {
  [K in keyof FlowSignals]: { type: K; detail: FlowSignals[K] };
}[keyof FlowSignals];

/** What a screen reader should hear after a transition (the view words it). */
export type Cue =
  | { kind: 'hold-created'; minutes: number }
  | { kind: 'verify' }
  | { kind: 'payment' }
  | { kind: 'result'; booking: Booking }
  | { kind: 'notice'; notice: Notice }
  | { kind: 'move-pending'; slot: AvailableSlot }
  | { kind: 'moved'; slot: AvailableSlot }
  | { kind: 'cancelled' }
  | { kind: 'waitlisted' }
  | { kind: 'waitlist-left' };

export type FlowReport =
  | { kind: 'state'; state: FlowState }
  | { kind: 'signal'; signal: Signal }
  | { kind: 'cue'; cue: Cue };
