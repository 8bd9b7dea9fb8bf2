import { isSlotFree, type Interval } from './availability.ts';
import { parseDuration } from './duration.ts';
import { EngineError, refusal } from './errors.ts';
import type { GraphDefinition } from './graphs/types.ts';
import type { BookingRecord, HoldRecord, ResourceRecord } from './records.ts';
import type { Store } from './store.ts';

/**
 * What is taken and what is free: the one place that decides whether a slot or a seat can be
 * given, so bookings, holds and availability never disagree.
 */

export function isLiveHold(hold: HoldRecord, now: number): boolean {
  return hold.state === 'reserved' && hold.expires_at > now;
}

export interface Exclusions {
  bookingId?: string;
  holdId?: string;
}

export class Capacity {
  constructor(
    private readonly store: Store,
    private readonly graphs: ReadonlyMap<string, GraphDefinition>,
  ) {}

  holdsCapacity(booking: BookingRecord): boolean {
    return this.graphs.get(booking.graph)?.states[booking.state]?.holds === true;
  }

  /** Events, bookings that hold time (1:1 slots and classes) and live slot holds on a resource. */
  busyTime(resource: ResourceRecord, now: number, exclude: Exclusions = {}): Interval[] {
    const busy: Interval[] = resource.events.map(({ start, end }) => ({ start, end }));
    for (const booking of this.store.bookingsOnResource(resource.id)) {
      if (booking.id === exclude.bookingId || !booking.event || !this.holdsCapacity(booking))
        continue;
      busy.push({ start: booking.event.start, end: booking.event.end });
    }
    for (const hold of this.store.holdsOnResource(resource.id)) {
      if (hold.id === exclude.holdId || !isLiveHold(hold, now)) continue;
      busy.push({ start: hold.start, end: hold.end });
    }
    return busy;
  }

  /**
   * Refuses a slot that is taken. Public callers must also stay within opening hours, in the
   * future and before the horizon; the owner may pass `ignoreCapacity` to double-book on purpose.
   */
  checkSlot(
    resource: ResourceRecord,
    slot: Interval,
    options: {
      now: number;
      isPublic: boolean;
      ignoreCapacity?: boolean;
      bufferMs?: number;
      horizonMs?: number;
      exclude?: Exclusions;
    },
  ): void {
    const { now, isPublic } = options;
    if (isPublic) {
      if (slot.start < now) {
        throw new EngineError('slot_unavailable', 'This time is in the past; pick a later time.');
      }
      if (options.horizonMs !== undefined && slot.start > now + options.horizonMs) {
        throw new EngineError('slot_unavailable', 'This time is too far ahead to book online.');
      }
    } else if (options.ignoreCapacity) {
      return;
    }
    const busy = this.busyTime(resource, now, options.exclude);
    const overlaps = busy.some(
      (interval) => interval.start < slot.end && slot.start < interval.end,
    );
    if (overlaps) {
      throw refusal(
        'slot_unavailable',
        `${resource.name} is already booked at this time; pick another time.`,
      );
    }
    if (isPublic && !isSlotFree(resource, busy, slot, options.bufferMs ?? 0)) {
      throw new EngineError(
        'slot_unavailable',
        `This time is outside ${resource.name}'s opening hours or too close to another booking; pick an offered time.`,
      );
    }
  }

  /** Seats of a class taken by seat bookings that hold them plus live seat holds. */
  seatsTaken(classId: string, now: number, exclude: Exclusions = {}): number {
    let taken = 0;
    const { bookings } = this.store;
    for (const id of this.store.seatBookingIdsOfClass(classId)) {
      const booking = bookings.get(id);
      if (booking && id !== exclude.bookingId && this.holdsCapacity(booking))
        taken += booking.related.seats ?? 1;
    }
    for (const hold of this.store.holdsOfClass(classId)) {
      if (hold.id !== exclude.holdId && isLiveHold(hold, now)) taken += hold.seats;
    }
    return taken;
  }

  seatsLeft(groupClass: BookingRecord, now: number, exclude: Exclusions = {}): number {
    const maxSeats = Number(groupClass.settings.max_seats ?? 0);
    return Math.max(0, maxSeats - this.seatsTaken(groupClass.id, now, exclude));
  }

  /**
   * Refuses seats a class cannot give: closed, outside its sign-up window (public), or too few
   * left. Answers the seats that were left before these (Appointedd's `max_spaces`).
   */
  checkSeats(
    groupClass: BookingRecord,
    seats: number,
    options: { now: number; isPublic: boolean; exclude?: Exclusions },
  ): number {
    const graph = this.graphs.get(groupClass.graph);
    if (graph?.kind !== 'class') {
      throw new EngineError(
        'validation_failed',
        `Booking "${groupClass.id}" is not a class (graph ${groupClass.graph})`,
        [{ path: 'related.owner_booking_id', message: 'must be the id of a group_owner booking' }],
      );
    }
    const what = groupClass.event?.what ?? 'this class';
    if (!this.holdsCapacity(groupClass)) {
      throw new EngineError(
        'slot_unavailable',
        `"${what}" is ${groupClass.state} and takes no sign-ups.`,
      );
    }
    const { now } = options;
    if (options.isPublic) checkSignUpWindow(groupClass, now);
    const left = this.seatsLeft(groupClass, now, options.exclude);
    if (seats > left) {
      const message =
        left === 0
          ? `"${what}" is sold out: 0 seats left.`
          : `"${what}" has only ${left} seat${left === 1 ? '' : 's'} left; you asked for ${seats}.`;
      throw refusal('sold_out', message, [{ path: 'seats', message: `${left} left` }]);
    }
    return left;
  }
}

/** The class's sign-up window from its booking rules; undefined ends mean no limit. */
export function signUpWindow(groupClass: BookingRecord): { opens?: number; closes: number } {
  const start = groupClass.event?.start ?? 0;
  const minBooking = durationSetting(groupClass, 'min_booking_time') ?? 0;
  const maxBooking = durationSetting(groupClass, 'max_booking_time');
  return {
    closes: start - minBooking,
    ...(maxBooking === undefined ? {} : { opens: start - maxBooking }),
  };
}

export function cancelDeadline(groupClass: BookingRecord): number {
  return (groupClass.event?.start ?? 0) - (durationSetting(groupClass, 'min_cancel_time') ?? 0);
}

function checkSignUpWindow(groupClass: BookingRecord, now: number): void {
  const window = signUpWindow(groupClass);
  const minText = groupClass.settings.min_booking_time;
  if (now > window.closes) {
    throw new EngineError(
      'booking_window',
      minText
        ? `Sign-ups for this class closed ${String(minText)} before it starts.`
        : 'This class has already started.',
    );
  }
  if (window.opens !== undefined && now < window.opens) {
    throw new EngineError(
      'booking_window',
      `Sign-ups for this class open ${String(groupClass.settings.max_booking_time)} before it starts.`,
    );
  }
}

export function durationSetting(booking: BookingRecord, key: string): number | undefined {
  const value = booking.settings[key];
  return typeof value === 'string' ? parseDuration(value) : undefined;
}
