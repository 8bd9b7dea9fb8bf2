import type { Actor } from '../../../src/engine/index.ts';
import {
  DAY,
  HOUR,
  OWNER,
  PUBLIC,
  T0,
  iso,
  makeEngine,
  openClass,
  testProject,
} from './helpers.ts';

/** What the waitlist tests share: a sold-out class, a join, a customer's key. */

export const START = T0 + 3 * DAY;

/** Needs a phone; a key of its own. */
export const STRICT = testProject({
  id: 'strict',
  app_key: 'strict_key',
  required_customer_fields: ['name', 'email', 'phone'],
});
/** Needs no email. */
export const NAME_ONLY = testProject({
  id: 'loose',
  app_key: 'loose_key',
  required_customer_fields: ['name'],
});

export const customerOf = (token: string, projectId = 'proj'): Actor => ({
  role: 'public',
  projectId,
  customerToken: token,
});

export const person = (n: number, extra: Record<string, unknown> = {}) => ({
  name: `Waiter ${n}`,
  email: `waiter${n}@example.test`,
  ...extra,
});

/**
 * A class of `max` seats at START, every seat taken by an owner's sign-up (`seats`);
 * `projectId` makes it that project's class. `join(n)` puts person n on its waitlist.
 */
export function soldOut(
  max = 1,
  projectId?: string,
  options: Parameters<typeof makeEngine>[0] = {},
) {
  const made = makeEngine({ projects: [testProject(), STRICT, NAME_ONLY], ...options });
  const groupClass = projectId
    ? made.engine.createBooking(
        {
          graph: 'group_owner',
          project_id: projectId,
          settings: { max_seats: max },
          event: {
            start: iso(START),
            end: iso(START + HOUR),
            what: 'Yoga',
            resource_id: 'res_doc',
          },
        },
        OWNER,
      )
    : openClass(made.engine, START, { max_seats: max });
  const seats = Array.from({ length: max }, (_, n) =>
    made.engine.createBooking(
      {
        graph: 'group_customer',
        related: { owner_booking_id: groupClass.id, seats: 1 },
        customer: person(100 + n, { phone: '555-0100' }),
      },
      OWNER,
    ),
  );
  const join = (n: number, extra: Record<string, unknown> = {}, actor: Actor = PUBLIC) =>
    made.engine.joinWaitlist(
      { related: { owner_booking_id: groupClass.id }, customer: person(n), ...extra },
      actor,
    );
  const cancelSeat = (index: number) =>
    made.engine.performAction(seats[index]!.id, 'cancel_by_owner', {}, OWNER);
  const stateOf = (id: string) => made.engine.getWaitlistEntry(id, OWNER).state;
  const classLog = () =>
    made.engine.getBooking(groupClass.id, OWNER, ['logs']).logs!.map((line) => line.description);
  return { ...made, groupClass, seats, join, cancelSeat, stateOf, classLog };
}
