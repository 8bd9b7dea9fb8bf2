import type { Actor } from './access.ts';
import { asObject, view, type EngineContext } from './context.ts';
import { stepInputs } from './create.ts';
import { EngineError, invalid } from './errors.ts';
import { runAction } from './machine.ts';
import { expandSendAliases } from './send-aliases.ts';
import { log } from './notify.ts';
import { BOOKING_STATUSES, type BookingRecord, type BookingStatus } from './records.ts';
import { deadline, possibleActions, type BookingView } from './views.ts';

/** Wrong verification codes a booking takes before its verification locks: no endless guessing. */
export const VERIFICATION_ATTEMPTS = 5;

/**
 * Runs an action a caller asked for on a booking. A wrong verification code comes back as the
 * error (not thrown) so the count it leaves commits; the caller throws it after the transaction.
 */
export function performAction(
  context: EngineContext,
  id: string,
  action: string,
  body: unknown,
  actor: Actor,
): BookingView | EngineError {
  const { access, store } = context;
  const booking = access.booking(id, actor);
  const graph = context.graphs.get(booking.graph)!;
  // Who may act comes first: an owner action is refused to a key whatever the state.
  const definition = access.action(graph, action, actor);
  const allowed = possibleActions(graph, booking.state);
  if (!definition || definition.by === 'system' || !definition.from.includes(booking.state)) {
    throw new EngineError(
      'invalid_action',
      `"${action}" is not possible on this ${graph.name} booking in state "${booking.state}". ` +
        (allowed.length
          ? `Possible actions: ${allowed.join(', ')}.`
          : 'It is final: no actions are possible.'),
    );
  }
  const raw = asObject(body ?? {}, 'body');
  access.refuseOwnerFields(actor, raw, graph);
  const input = stepInputs(expandSendAliases(raw, [definition], actor), graph, [
    action,
    ...definition.steps.map((step) => step.name),
  ]);
  if (definition.steps.some((step) => step.effect?.type === 'check_verification_code')) {
    const refusal = checkCode(context, store.editBooking(id), input, action, actor);
    // A wrong code is remembered (and may lock), so this refusal commits before it is thrown.
    if (refusal) return refusal;
  }
  runAction(context, store.editBooking(id), action, { actor, body: input, pending: {} });
  return view(context, store.bookings.get(id)!, ['logs'], actor);
}

/**
 * Checks a verification code before the graph moves. A wrong one counts, is logged, and after
 * VERIFICATION_ATTEMPTS locks the booking's verification; it is returned (not thrown) so the
 * count survives the transaction. The owner's attempts neither count nor lock.
 */
function checkCode(
  context: EngineContext,
  booking: BookingRecord,
  input: Record<string, unknown>,
  action: string,
  actor: Actor,
): EngineError | undefined {
  const verification = booking.verification;
  const isOwner = actor.role !== 'public';
  const lockedError = () =>
    new EngineError(
      'verification_locked',
      `Verification of this booking is locked after ${VERIFICATION_ATTEMPTS} wrong codes. ` +
        (booking.timer
          ? `It lapses at ${deadline(booking.timer.at)} and frees its time; book again then, or ask the business to confirm it.`
          : 'Book again, or ask the business to confirm it.'),
    );
  if (verification?.locked_at !== undefined && !isOwner) throw lockedError();
  const code = (input[action] as { code?: unknown } | undefined)?.code;
  // Seed 004: the owner may verify without the code (the graph's step logs it).
  if (isOwner && code === undefined) return undefined;
  if (typeof code !== 'string' && typeof code !== 'number')
    throw invalid(`${action}.code`, 'is required');
  if (verification && String(code) === verification.code) return undefined;
  if (isOwner || !verification) throw invalid(`${action}.code`, 'does not match the code we sent');
  const failed = (verification.failed_attempts ?? 0) + 1;
  verification.failed_attempts = failed;
  log(context, booking, `Wrong verification code (${failed} of ${VERIFICATION_ATTEMPTS})`);
  if (failed < VERIFICATION_ATTEMPTS) {
    const left = VERIFICATION_ATTEMPTS - failed;
    return invalid(
      `${action}.code`,
      `does not match the code we sent; ${left} attempt${left === 1 ? '' : 's'} left`,
    );
  }
  verification.locked_at = context.now();
  log(context, booking, `Verification locked after ${VERIFICATION_ATTEMPTS} wrong codes`);
  return lockedError();
}

/** The owner's free-form status (paid, no-show, ...), beside the graph's state. */
export function setStatus(
  context: EngineContext,
  id: string,
  status: unknown,
  actor: Actor,
): BookingView {
  if (actor.role !== 'owner')
    throw new EngineError('forbidden', 'Only the owner may set a booking\u2019s status.');
  const booking = context.access.booking(id, actor);
  if (typeof status !== 'string' || !(BOOKING_STATUSES as readonly string[]).includes(status)) {
    throw invalid('status', `must be one of ${BOOKING_STATUSES.join(', ')}`);
  }
  const state = context.graphs.get(booking.graph)!.states[booking.state];
  if (state?.final && state.outcome !== 'completed') {
    throw new EngineError('invalid_action', `A ${booking.state} booking takes no status.`);
  }
  const edited = context.store.editBooking(id);
  edited.status = status as BookingStatus;
  log(context, edited, `Changed status to: ${status}`);
  return view(context, edited, ['logs'], actor);
}
