import type { Group } from '../schemas/index.ts';
import { parseInstant } from '../lib/time/index.ts';
import { problemOf, type Problem } from './problem.ts';
import { enterDetails } from './holding.ts';
import type { JourneyHost } from './host.ts';
import type { CustomerValues } from './state.ts';

/**
 * The waitlist's part of the journey: joining a sold-out class (its form and confirmation), and
 * opening the seat hold an offer email links to. BookingFlow owns the state and hands these
 * functions the little they need (host.ts).
 */

/**
 * "Join the waitlist" on a sold-out class: its form, with what the visitor typed so far and the
 * seats they chose. A count the class could never seat (not a whole number from 1 to its seats)
 * opens nothing and is reported as an error (`slotkit-error`): it never reaches the API.
 */
export function openWaitlist(
  host: JourneyHost,
  group: Group,
  seats: number,
  values: CustomerValues,
): void {
  const state = host.read();
  if (state.step !== 'choose' || state.busy) return;
  const most = group.attributes.group_booking.max_seats;
  if (!Number.isInteger(seats) || seats < 1 || seats > most) {
    const message = `must be a whole number from 1 to ${most}`;
    return failed(host, {
      code: 'validation_failed',
      message: `seats ${message}`,
      details: [{ path: 'related.seats', message }],
    });
  }
  host.write({ step: 'waitlist', group, seats, values, submitting: false, fieldErrors: [] });
}

export async function joinWaitlist(host: JourneyHost, values: CustomerValues): Promise<void> {
  const state = host.read();
  if (state.step !== 'waitlist' || state.submitting) return;
  host.memory.values = { ...values };
  host.write({ ...state, values, submitting: true, fieldErrors: [], error: undefined });
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const projectId = host.settings()?.projectId;
  try {
    const entry = await host.client.joinWaitlist(
      {
        related: { owner_booking_id: state.group.id, seats: state.seats },
        customer: {
          ...values,
          name: text(values.name),
          email: text(values.email),
          timezone: host.timeZone(),
        },
        ...(projectId ? { project_id: projectId } : {}),
      },
      { signal: host.access().signal },
    );
    host.write({ step: 'waitlisted', group: state.group, entry });
    host.cue({ kind: 'waitlisted' });
  } catch (error) {
    const problem = problemOf(error);
    if (problem.code === 'aborted') return;
    failed(host, problem);
    // A seat freed while the visitor typed: booking it beats waiting.
    if (problem.code === 'seats_available') return host.choose({ kind: 'seats-available' });
    const now = host.read();
    if (now.step !== 'waitlist') return;
    host.write(
      problem.code === 'validation_failed' && problem.details?.length
        ? { ...now, submitting: false, fieldErrors: problem.details }
        : { ...now, submitting: false, error: problem },
    );
  }
}

/** "Leave the waitlist" on its confirmation, with the customer token the join answered with. */
export async function leaveWaitlist(host: JourneyHost): Promise<void> {
  const state = host.read();
  if (state.step !== 'waitlisted' || state.leaving || state.left) return;
  host.write({ ...state, leaving: true, error: undefined });
  try {
    const entry = await host.client.leaveWaitlist(state.entry.id, {
      signal: host.access().signal,
      ...(state.entry.customer_token ? { customerToken: state.entry.customer_token } : {}),
    });
    host.write({ step: 'waitlisted', group: state.group, entry, left: true });
    host.cue({ kind: 'waitlist-left' });
  } catch (error) {
    const problem = problemOf(error);
    if (problem.code === 'aborted') return;
    failed(host, problem);
    const now = host.read();
    if (now.step === 'waitlisted') host.write({ ...now, leaving: false, error: problem });
  }
}

/**
 * A waitlist offer's link: the form under the offered hold, as if the visitor had held it, while
 * the hold still holds; otherwise the visitor lands on the chooser told that the offer ended.
 */
export async function openOffer(host: JourneyHost, holdId: string): Promise<void> {
  const signal = host.access().signal;
  try {
    const hold = await host.client.getHold(holdId, { signal });
    const classId = hold.related?.owner_booking_id;
    const expires = parseInstant(hold.expires_at) ?? 0;
    if (hold.state === 'reserved' && classId && expires > host.client.serverNow()) {
      const group = await host.client.group(classId, { signal });
      host.memory.heldGroup = group;
      return enterDetails(host, hold, { kind: 'class', group });
    }
    host.choose({ kind: 'offer-expired' });
  } catch (error) {
    const problem = problemOf(error);
    if (problem.code === 'aborted') return;
    failed(host, problem);
    host.choose(
      problem.code === 'not_found' || problem.code === 'hold_expired'
        ? { kind: 'offer-expired' }
        : { kind: 'problem', problem },
    );
  }
}

/** Reports a problem the visitor is shown (the widget's `slotkit-error`). */
function failed(host: JourneyHost, problem: Problem): void {
  host.emit({ type: 'error', detail: { error: problem } });
}
