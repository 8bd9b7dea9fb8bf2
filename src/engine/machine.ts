import { WEBHOOK_TOGGLE, SYSTEM, actionOf, type Actor } from './access.ts';
import { cancelDeadline, isLiveHold } from './capacity.ts';
import { projectOf, publicLimits, view, type EngineContext } from './context.ts';
import { parseDuration } from './duration.ts';
import { EngineError, invalid } from './errors.ts';
import type { Effect, StepDefinition } from './graphs/types.ts';
import { parse, rescheduleInput } from './input.ts';
import { quietOnMove, writeSms } from './emails.ts';
import {
  customerZone,
  email,
  fill,
  log,
  messageData,
  resourceOfBooking,
  sendSms,
} from './notify.ts';
import type { BookingRecord, Customer, EventInfo } from './records.ts';
import { scheduleReminders } from './reminders.ts';
import { possibleActions } from './views.ts';
import { emitBooking } from './webhooks.ts';

/** Data a create chain saves in its save_customer_data and save_booking_data steps. */
interface PendingData {
  customer?: Customer;
  event?: EventInfo;
}

/** One action being run: who asked, the step inputs they sent, what creation prepared. */
export interface RunContext {
  actor: Actor;
  body: Record<string, unknown>;
  pending: PendingData;
}

/** Runs an action's steps and the autoplay chain after it, to the next resting state. */
export function runAction(
  context: EngineContext,
  booking: BookingRecord,
  actionName: string,
  run: RunContext,
): void {
  const graph = context.graphs.get(booking.graph)!;
  const action = actionOf(graph, actionName)!;
  delete booking.timer;
  const paused = action.resumes ? booking.paused : undefined;
  delete booking.paused;
  runSteps(context, booking, actionName, action.steps, 0, run);
  if (paused && !booking.paused) {
    const pausedAction = actionOf(graph, paused.action)!;
    runSteps(context, booking, paused.action, pausedAction.steps, paused.next, run);
  }
  rest(context, booking, run, actionName === graph.createAction);
}

function runSteps(
  context: EngineContext,
  booking: BookingRecord,
  actionName: string,
  steps: StepDefinition[],
  from: number,
  run: RunContext,
): void {
  for (let index = from; index < steps.length; index += 1) {
    const step = steps[index]!;
    if (step.when === 'verification_required' && booking.settings.verification === undefined)
      continue;
    const input = stepInputOf(run.body, actionName, step.name);
    if (step.optional && input.enabled === false) {
      log(context, booking, `Skipped ${step.name}: disabled in the request`);
    } else if (step.effect) {
      apply(context, step.effect, booking, input, run);
    }
    enter(context, booking, step.to);
    if (step.pause) {
      booking.paused = { action: actionName, next: index + 1 };
      return;
    }
  }
}

// Most steps get no input: one shared empty one (effects only read their input; frozen, so a
// write would fail loudly rather than leak into the next step).
const NO_INPUT: Record<string, unknown> = Object.freeze({});

/** A step's input: the action's own fields under the step's (most steps have neither). */
function stepInputOf(
  body: Record<string, unknown>,
  actionName: string,
  stepName: string,
): Record<string, unknown> {
  const own = body[actionName] as object | undefined;
  const step = body[stepName] as object | undefined;
  if (own === undefined && step === undefined) return NO_INPUT;
  return { ...own, ...step } as Record<string, unknown>;
}

// Every booking logs each state it passes through: one shared line per state, not one each.
const enteredLines = new Map<string, string>();

function enter(context: EngineContext, booking: BookingRecord, state: string): void {
  booking.state = state;
  let line = enteredLines.get(state);
  if (line === undefined) {
    line = `Changed state to: ${state}`;
    if (enteredLines.size >= 1_000) enteredLines.clear();
    enteredLines.set(state, line);
  }
  log(context, booking, line);
}

/** Arrived in a resting state: start its deadline, fire webhooks. */
function rest(
  context: EngineContext,
  booking: BookingRecord,
  run: RunContext,
  created: boolean,
): void {
  const graph = context.graphs.get(booking.graph)!;
  const state = graph.states[booking.state];
  if (!state) throw new Error(`Graph ${graph.name} stopped in undeclared state ${booking.state}`);
  if (state.timeout) {
    const span =
      durationOf(booking.settings[state.timeout.setting]) ?? parseDuration(state.timeout.default)!;
    booking.timer = { at: context.now() + span, action: state.timeout.action };
    context.timers.push({ at: booking.timer.at, kind: 'booking', id: booking.id });
  }
  scheduleReminders(context, booking);
  if (!webhooksOn(context, booking, run)) return;
  if (created) emitBooking(context, booking, 'booking.created');
  emitBooking(context, booking);
}

/** Whether this action may fire webhooks: the owner may switch them off per request. */
function webhooksOn(context: EngineContext, booking: BookingRecord, run: RunContext): boolean {
  const toggle = run.body[WEBHOOK_TOGGLE] as { enabled?: boolean } | undefined;
  if (toggle?.enabled !== false) return true;
  const targets = context.store.webhooks.size + (projectOf(context, booking)?.webhooks.length ?? 0);
  if (targets) log(context, booking, `Skipped ${WEBHOOK_TOGGLE}: disabled in the request`);
  return false;
}

function apply(
  context: EngineContext,
  effect: Effect,
  booking: BookingRecord,
  input: Record<string, unknown>,
  run: RunContext,
): void {
  const now = context.now();
  switch (effect.type) {
    case 'save_customer':
      if (run.pending.customer) booking.customers = [run.pending.customer];
      return;
    case 'save_booking':
      if (run.pending.event) booking.event = run.pending.event;
      log(context, booking, 'Updated booking object with success');
      return;
    case 'create_event':
      log(
        context,
        booking,
        `Created event in calendar: ${resourceOfBooking(context, booking)?.calendar.name ?? 'none'}`,
      );
      return;
    case 'delete_event':
      log(context, booking, 'Removed event from calendar');
      return;
    case 'log':
      log(context, booking, fill(context, effect.text, booking), messageData(input));
      return;
    case 'email':
      email(
        context,
        booking,
        effect.to,
        effect.template,
        fill(context, effect.subject, booking),
        input,
      );
      return;
    case 'send_verification_code': {
      const span = durationOf(booking.settings.verification_window) ?? parseDuration('15 minutes')!;
      const code = String(Math.floor(context.random() * 1_000_000)).padStart(6, '0');
      booking.verification = { code, expires_at: now + span };
      if (booking.settings.verification === 'sms') {
        const phone = booking.customers[0]?.phone;
        if (!phone) throw invalid('customer.phone', 'is required: this project verifies by SMS');
        const text = writeSms(
          context,
          booking,
          `Your code ${code} for`,
          customerZone(context, booking),
        );
        sendSms(context, booking, phone, text);
        log(context, booking, 'Verification code sent by SMS');
        return;
      }
      email(context, booking, 'customer', 'verification code', `Your code: ${code}`, { code });
      return;
    }
    case 'check_verification_code': {
      const code = input.code;
      // Seed 004: the owner may verify without the code (it checked the customer its own way).
      if (code === undefined && run.actor.role !== 'public') {
        log(context, booking, 'Verified by the owner without a code');
        return;
      }
      if (typeof code !== 'string' && typeof code !== 'number')
        throw invalid('verify.code', 'is required');
      if (String(code) !== booking.verification?.code)
        throw invalid('verify.code', 'does not match the code we sent');
      log(context, booking, 'Verification code accepted');
      return;
    }
    case 'check_cancel_window': {
      const groupClass = context.store.bookings.get(booking.related.owner_booking_id ?? '');
      if (groupClass && now > cancelDeadline(groupClass)) {
        throw new EngineError(
          'booking_window',
          `Seats can be given up no later than ${String(groupClass.settings.min_cancel_time ?? '0 minutes')} before the class; it is too late now.`,
        );
      }
      log(
        context,
        booking,
        fill(context, 'Booking was cancelled by customer: {customer_email}', booking),
        messageData(input),
      );
      return;
    }
    case 'register_payment':
      booking.paid_at = now;
      log(context, booking, 'Payment registered', JSON.stringify(omit(input, 'enabled')));
      return;
    case 'reschedule':
      rescheduleInto(context, booking, input, run);
      return;
    case 'cancel_seat_bookings':
      cancelSeatBookings(context, booking, input);
      return;
    case 'complete_seat_bookings':
      completeSeatBookings(context, booking);
      return;
  }
}

/** A class completed: every seat booking that can be completed (confirmed or paid) is. */
function completeSeatBookings(context: EngineContext, booking: BookingRecord): void {
  const { store } = context;
  let count = 0;
  for (const seat of store.seatBookingsOfClass(booking.id)) {
    if (!possibleActions(context.graphs.get(seat.graph), seat.state).includes('complete')) continue;
    runAction(context, store.editBooking(seat.id), 'complete', {
      actor: SYSTEM,
      body: {},
      pending: {},
    });
    count += 1;
  }
  if (count) log(context, booking, `Completed ${count} seat booking(s)`);
}

/** A class cancelled: its seat bookings are cancelled by the owner, its live seat holds released. */
function cancelSeatBookings(
  context: EngineContext,
  booking: BookingRecord,
  input: Record<string, unknown>,
): void {
  const { store } = context;
  let count = 0;
  for (const seat of store.seatBookingsOfClass(booking.id)) {
    if (!possibleActions(context.graphs.get(seat.graph), seat.state).includes('cancel_by_owner'))
      continue;
    const message = typeof input.message === 'string' ? { message: input.message } : {};
    runAction(context, store.editBooking(seat.id), 'cancel_by_owner', {
      actor: SYSTEM,
      body: { cancel_by_owner: message },
      pending: {},
    });
    count += 1;
  }
  for (const hold of store.holdsOfClass(booking.id)) {
    if (isLiveHold(hold, context.now())) store.editHold(hold.id).state = 'released';
  }
  log(context, booking, `Cancelled ${count} seat booking${count === 1 ? '' : 's'}`);
}

/** The reschedule effect: a new booking at the new time runs the create chain; the old one links to it. */
function rescheduleInto(
  context: EngineContext,
  booking: BookingRecord,
  input: Record<string, unknown>,
  run: RunContext,
): void {
  const slot = parse(rescheduleInput, omit(input, 'enabled'), 'reschedule_by_customer');
  const resource = context.access.resource(
    slot.resource_id ?? booking.resource_id ?? '',
    run.actor,
    'resource_id',
  );
  const now = context.now();
  context.capacity.checkSlot(resource, slot, {
    now,
    isPublic: run.actor.role === 'public',
    exclude: { bookingId: booking.id },
    ...publicLimits(projectOf(context, booking)),
  });
  const moved: BookingRecord = {
    ...structuredClone(booking),
    id: context.newId(),
    state: 'new',
    status: null,
    created_at: now,
    updated_at: now,
    resource_id: resource.id,
    logs: [],
    related: { rescheduled_from: booking.id },
  };
  delete moved.event;
  delete moved.timer;
  delete moved.reservation_id;
  delete moved.collection_id;
  context.store.insertBooking(moved);
  const event = { ...booking.event!, start: slot.start, end: slot.end };
  // The old booking's "rescheduled" emails tell both sides; no second "new booking" pair.
  const body: Record<string, unknown> = quietOnMove(context.graphs.get(booking.graph)!);
  // Webhooks switched off for this request stay off for the booking the move creates.
  if (run.body[WEBHOOK_TOGGLE] !== undefined) body[WEBHOOK_TOGGLE] = run.body[WEBHOOK_TOGGLE];
  runAction(
    context,
    context.store.editBooking(moved.id),
    context.graphs.get(booking.graph)!.createAction,
    { actor: run.actor, body, pending: { customer: booking.customers[0]!, event } },
  );
  booking.related.rescheduled_to = moved.id;
  log(context, booking, `Rescheduled to booking ${moved.id}`, messageData(input));
  if (webhooksOn(context, booking, run))
    emitBooking(context, moved, 'booking.rescheduled', {
      rescheduled_from: view(context, booking, [], SYSTEM),
    });
}

function durationOf(value: unknown): number | undefined {
  return typeof value === 'string' ? parseDuration(value) : undefined;
}

export function omit(input: Record<string, unknown>, key: string): Record<string, unknown> {
  const { [key]: _dropped, ...rest } = input;
  return rest;
}
