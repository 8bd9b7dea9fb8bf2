import { isLiveHold, signUpWindow } from './capacity.ts';
import type { EngineContext } from './context.ts';
import { parseDuration } from './duration.ts';
import { resourceOfBooking, send, log } from './notify.ts';
import type { BookingRecord, HoldRecord, ProjectRecord, WaitlistEntry } from './records.ts';
import { deadline } from './views.ts';
import { emit } from './webhooks.ts';
import { logOnClass, queueOf, seatsText, waitlistView } from './waitlist.ts';

/**
 * Offers freed seats to a class's waitlist. It runs at the end of every committed change and
 * every deadline (BookingEngine.run and settle), inside the same transaction, so whatever freed
 * the seats (a cancellation, an expired or released hold, an unpaid payment window, the owner
 * cancelling a seat) hands them on in the same step: no request in between can take them, and
 * no place that frees seats has to remember to call it.
 */

const DEFAULT_OFFER_WINDOW = '2 hours';

export function offerFreedSeats(context: EngineContext): void {
  const { store } = context;
  if (store.waitlist.size === 0) return;
  const classes = new Set<string>();
  for (const entry of store.waitlist.values()) {
    if (entry.state === 'offered') settleOffer(context, entry);
    if (entry.state === 'waiting') classes.add(entry.owner_booking_id);
  }
  for (const classId of classes) offerClass(context, classId);
}

/** An offer's hold became a booking (done), or ran out or was released (its seats pass on). */
function settleOffer(context: EngineContext, entry: WaitlistEntry): void {
  const hold = context.store.holds.get(entry.hold_id ?? '');
  const now = context.now();
  if (hold && isLiveHold(hold, now)) return;
  const edited = context.store.editWaitlistEntry(entry.id);
  edited.updated_at = now;
  const groupClass = context.store.bookings.get(entry.owner_booking_id);
  if (hold?.state === 'converted' && hold.booking_id) {
    edited.state = 'booked';
    edited.booking_id = hold.booking_id;
    if (groupClass)
      logOnClass(context, groupClass, `Waitlist: entry ${entry.id} booked (${hold.booking_id})`);
  } else {
    edited.state = 'lapsed';
    if (groupClass)
      logOnClass(context, groupClass, `Waitlist: the offer to entry ${entry.id} lapsed`);
  }
}

/** First come first served among the entries that fit: a party too big waits for more seats. */
function offerClass(context: EngineContext, classId: string): void {
  const { capacity, store } = context;
  const now = context.now();
  const groupClass = store.bookings.get(classId);
  const waiting = queueOf(context, classId, (entry) => entry.state === 'waiting');
  const closes = groupClass ? signUpWindow(groupClass).closes : now;
  if (!groupClass || !capacity.holdsCapacity(groupClass) || now >= closes) {
    for (const entry of waiting) {
      const edited = store.editWaitlistEntry(entry.id);
      edited.state = 'closed';
      edited.updated_at = now;
    }
    if (groupClass && waiting.length)
      logOnClass(
        context,
        groupClass,
        `Waitlist: closed ${waiting.length} entries (no more sign-ups)`,
      );
    return;
  }
  let left = Number(groupClass.settings.max_seats ?? 0) - capacity.seatsTaken(classId, now);
  for (const entry of waiting) {
    if (left <= 0) return;
    if (entry.seats > left) continue;
    offer(context, groupClass, entry, closes);
    left -= entry.seats;
  }
}

function offer(
  context: EngineContext,
  groupClass: BookingRecord,
  entry: WaitlistEntry,
  closes: number,
): void {
  const { store } = context;
  const now = context.now();
  const project = store.projects.get(entry.project_id ?? groupClass.project_id ?? '');
  const window =
    parseDuration(project?.waitlist_offer_window ?? DEFAULT_OFFER_WINDOW) ??
    parseDuration(DEFAULT_OFFER_WINDOW)!;
  const expiresAt = Math.min(now + window, closes);
  const event = groupClass.event!;
  const hold: HoldRecord = {
    id: context.newId(),
    state: 'reserved',
    created_at: now,
    expires_at: expiresAt,
    span_ms: expiresAt - now,
    // An offer is not extended: the next in line is waiting for these seats.
    extended: true,
    owner_booking_id: groupClass.id,
    start: event.start,
    end: event.end,
    seats: entry.seats,
    ...(entry.project_id ? { project_id: entry.project_id } : {}),
  };
  store.insertHold(hold);
  context.timers.push({ at: hold.expires_at, kind: 'hold', id: hold.id });
  const edited = store.editWaitlistEntry(entry.id);
  edited.state = 'offered';
  edited.hold_id = hold.id;
  edited.updated_at = now;
  logOnClass(
    context,
    groupClass,
    `Waitlist: offered ${seatsText(entry.seats)} to entry ${entry.id} until ${deadline(expiresAt)}`,
  );
  emailOffer(context, groupClass, edited, hold);
  recordWaitlistEvent(context, groupClass, 'waitlist.offered', edited);
}

/** The offer email: what, when, how many seats and until when they are held. */
function emailOffer(
  context: EngineContext,
  groupClass: BookingRecord,
  entry: WaitlistEntry,
  hold: HoldRecord,
): void {
  const event = groupClass.event!;
  const timeZone =
    entry.customer.timezone ?? resourceOfBooking(context, groupClass)?.timezone ?? 'UTC';
  const when = (ms: number) =>
    `${new Intl.DateTimeFormat('en-GB', { dateStyle: 'full', timeStyle: 'short', timeZone }).format(ms)} (${timeZone})`;
  const project = context.store.projects.get(entry.project_id ?? '');
  const link = offerLink(project, hold, entry);
  const body = [
    `Hi ${entry.customer.name},`,
    '',
    `A place opened up in ${event.what}, ${when(event.start)}.`,
    `We are holding ${seatsText(entry.seats)} for you until ${when(hold.expires_at)}.`,
    link ? `Finish booking here: ${link}` : `Finish booking with offer code ${hold.id}.`,
    'After that the seats go to the next person on the waitlist.',
  ];
  send(
    context,
    groupClass,
    'email',
    entry.customer.email,
    `A seat is yours: ${event.what}`,
    body.join('\n'),
  );
  log(
    context,
    context.store.editBooking(groupClass.id),
    `Waitlist: offer email sent to entry ${entry.id}`,
  );
}

/** The one place waitlist events leave the engine: the webhook registry (webhooks.ts). */
export function recordWaitlistEvent(
  context: EngineContext,
  groupClass: BookingRecord,
  type: 'waitlist.offered',
  entry: WaitlistEntry,
): void {
  emit(
    context,
    type,
    { waitlist_entry: waitlistView(entry, context) },
    {
      project: context.store.projects.get(entry.project_id ?? ''),
      booking: groupClass,
      state: groupClass.state,
    },
  );
}

/**
 * Where an offer email sends the customer: the project's `ui.waitlist_offer_url` template, else
 * the page of its `manage_url` (where the widget lives) with `slotkit_hold` instead of the
 * manage link's own parameters.
 */
export function offerLink(
  project: ProjectRecord | undefined,
  hold: HoldRecord,
  entry: WaitlistEntry,
): string | undefined {
  const template = project?.ui.waitlist_offer_url;
  if (typeof template === 'string')
    return template.replaceAll('{hold_id}', hold.id).replaceAll('{entry_id}', entry.id);
  if (!project?.manage_url) return undefined;
  const url = new URL(project.manage_url);
  for (const [key, value] of [...url.searchParams])
    if (value.includes('{id}') || value.includes('{token}')) url.searchParams.delete(key);
  url.searchParams.set('slotkit_hold', hold.id);
  return url.href;
}
