import type { Actor } from './access.ts';
import { isLiveHold } from './capacity.ts';
import { publicLimits, type EngineContext } from './context.ts';
import { parseDuration } from './duration.ts';
import { classAt } from './class-by-time.ts';
import { EngineError, invalid } from './errors.ts';
import { parse, reserveInput } from './input.ts';
import type { BookingRecord, HoldRecord } from './records.ts';
import { deadline, holdView, type HoldView } from './views.ts';
import { emit } from './webhooks.ts';

const DEFAULT_HOLD = '10 minutes';

/** Holds a slot or class seats for the project's hold duration, so a visitor can type in peace. */
export function reserve(context: EngineContext, body: unknown, actor: Actor): HoldView {
  const { access, capacity } = context;
  const now = context.now();
  const input = parse(reserveInput, body);
  const isPublic = actor.role === 'public';
  // Appointedd's services are projects: `service_id` names one as `project_id` does (never both differently).
  const service = 'service_id' in input ? input.service_id : undefined;
  const project = service
    ? access.project(actor, service, 'service_id')
    : access.project(actor, input.project_id, 'project_id');
  const span = parseDuration(project?.hold_duration ?? DEFAULT_HOLD)!;
  let hold: HoldRecord;
  if ('related' in input) {
    const classId = input.related.owner_booking_id;
    const groupClass = access.groupClass(classId, actor, 'related.owner_booking_id');
    hold = seatHold(context, groupClass, input.seats ?? 1, isPublic, span);
  } else {
    const seats = input.seats ?? input.required_spaces ?? 1;
    const seatsPath = input.required_spaces === undefined ? 'seats' : 'required_spaces';
    const resource =
      input.resource_id === undefined
        ? undefined
        : access.resource(input.resource_id, actor, 'resource_id');
    const groupClass = classAt(
      context,
      { start: input.start, end: input.end, resource_id: resource?.id, project },
      actor,
      seats,
    );
    if (groupClass) {
      hold = seatHold(context, groupClass, seats, isPublic, span);
    } else {
      if (!resource) throw invalid('start', 'is not the start of a class of this service');
      if (input.end === undefined)
        throw invalid('end', 'is required: no class starts at this time on this resource');
      if (seats > 1) throw invalid(seatsPath, 'must be 1: a slot is not a class');
      const slot = { start: input.start, end: input.end };
      capacity.checkSlot(resource, slot, { now, isPublic, ...publicLimits(project) });
      hold = newHold(context, { resource_id: resource.id, ...slot, seats: 1 }, span);
    }
  }
  if (project) hold.project_id = project.id;
  context.store.insertHold(hold);
  context.timers.push({ at: hold.expires_at, kind: 'hold', id: hold.id });
  return holdView(hold, now);
}

/** Seats on a class, remembering how many it had left (Appointedd's `max_spaces`). */
function seatHold(
  context: EngineContext,
  groupClass: BookingRecord,
  seats: number,
  isPublic: boolean,
  span: number,
): HoldRecord {
  const now = context.now();
  const left = context.capacity.checkSeats(groupClass, seats, { now, isPublic });
  const { start, end } = groupClass.event!;
  const hold = newHold(context, { owner_booking_id: groupClass.id, start, end, seats }, span);
  hold.max_spaces = left;
  return hold;
}

function newHold(
  context: EngineContext,
  target: Pick<HoldRecord, 'start' | 'end' | 'seats' | 'resource_id' | 'owner_booking_id'>,
  span: number,
): HoldRecord {
  const now = context.now();
  return {
    id: context.newId(),
    state: 'reserved',
    created_at: now,
    expires_at: now + span,
    span_ms: span,
    extended: false,
    ...target,
  };
}

/** One extension by the hold's own span, while it is live. */
export function extendHold(context: EngineContext, id: string, actor: Actor): HoldView {
  const now = context.now();
  const hold = liveHold(context.access.hold(id, actor), now, 'extend');
  if (hold.extended)
    throw new EngineError(
      'invalid_action',
      'A hold can be extended once, and this one already was.',
    );
  const edited = context.store.editHold(id);
  edited.expires_at += edited.span_ms;
  edited.extended = true;
  context.timers.push({ at: edited.expires_at, kind: 'hold', id });
  return holdView(edited, now);
}

export function releaseHold(context: EngineContext, id: string, actor: Actor): HoldView {
  const now = context.now();
  const hold = context.access.hold(id, actor);
  if (hold.state === 'released') return holdView(hold, now);
  liveHold(hold, now, 'release');
  const edited = context.store.editHold(id);
  edited.state = 'released';
  return holdView(edited, now);
}

/** The hold itself while it still holds; otherwise why it cannot be used to `verb`. */
export function liveHold(hold: HoldRecord, now: number, verb: string): HoldRecord {
  if (hold.state === 'expired' || (hold.state === 'reserved' && !isLiveHold(hold, now))) {
    throw new EngineError(
      'hold_expired',
      `The hold expired at ${deadline(hold.expires_at)}; what it held is free again. Pick a time again.`,
    );
  }
  if (hold.state === 'converted') {
    throw new EngineError(
      'invalid_action',
      `Cannot ${verb} this hold: it already became booking ${hold.booking_id}.`,
    );
  }
  if (hold.state === 'released')
    throw new EngineError('invalid_action', `Cannot ${verb} this hold: it was released.`);
  return hold;
}

/** A deadline came: a hold still reserved at exactly that instant expires. */
export function expireHold(context: EngineContext, id: string, at: number): void {
  const hold = context.store.holds.get(id);
  if (!hold || hold.state !== 'reserved' || hold.expires_at !== at) return;
  const expired = context.store.editHold(id);
  expired.state = 'expired';
  // Registered webhooks only: a project's own `webhooks` URLs hear booking states, as before.
  emit(context, 'hold.expired', { hold: holdView(expired, at) }, { state: 'expired' });
}
