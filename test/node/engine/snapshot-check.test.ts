import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkSnapshot } from '../../../src/engine/snapshot-check.ts';
import { HOUR, NOW, ONE, SEAT, graphs, refusal, sound } from './snapshot-fixture.ts';

/**
 * checkSnapshot's cross-references, one broken name at a time (issue #17: of 49 bugs planted in
 * snapshot-check.ts, the restore tests caught 3). A sound snapshot with one record of every kind
 * (a class and a seat in it, a booking with a project, resource, collection and hold, an offered
 * waitlist entry and its hold, an email, a webhook and a delivery) is broken in one place, and
 * the refusal must name exactly that place, in exactly these words.
 */

const only = (path: string, message: string) => [{ path: `store.${path}`, message }];
const names = (id: string) => `names "${id}", which is not in the snapshot`;

describe('checkSnapshot: a sound snapshot passes, one broken name is refused at its place', () => {
  test('the sound snapshot, with one record of every kind, passes as it is', () => {
    const store = sound();
    assert.equal(refusal(store), undefined);
    assert.equal(checkSnapshot(store, graphs), store);
  });

  const cases: Array<[string, (s: any) => void, Array<{ path: string; message: string }>]> = [
    [
      'a booking id twice',
      (s) => s.bookings.push({ ...s.bookings[ONE] }),
      only('bookings.17.id', 'repeats the id "bk_one"'),
    ],
    [
      'an email id twice',
      (s) => s.outbox.push({ ...s.outbox[0] }),
      only('outbox.1.id', 'repeats the id "out_1"'),
    ],
    [
      'a waitlist id twice',
      (s) => s.waitlist.push({ ...s.waitlist[0], state: 'waiting', hold_id: undefined }),
      only('waitlist.1.id', 'repeats the id "wl_1"'),
    ],
    [
      'a delivery id twice',
      (s) => s.webhook_deliveries.push({ ...s.webhook_deliveries[0] }),
      only('webhook_deliveries.1.id', 'repeats the id "del_1"'),
    ],
    [
      'a customer’s zone that is no zone',
      (s) =>
        (s.bookings[ONE].customers = [
          { ...s.bookings[ONE].customers[0], timezone: 'Mars/Olympus_Mons' },
        ]),
      only('bookings.16.customers.0.timezone', 'must be an IANA time zone'),
    ],
    [
      'a timer that is no action of the graph',
      (s) => (s.bookings[ONE].timer = { at: NOW + HOUR, action: 'nope' }),
      only('bookings.16.timer.action', '"nope" is not an action of instant'),
    ],
    [
      'a timer whose action cannot start from the booking’s state',
      (s) => (s.bookings[ONE].timer = { at: NOW + HOUR, action: 'expire_verification' }),
      only('bookings.16.timer.action', '"expire_verification" is not the timeout of "confirmed"'),
    ],
    [
      // verify starts there, but the clock would run it with no code and end in "verified".
      'a timer that can start from the state but is not its timeout',
      (s) => waiting(s.bookings[ONE], { at: NOW + HOUR, action: 'verify' }),
      only('bookings.16.timer.action', '"verify" is not the timeout of "awaiting_verification"'),
    ],
    [
      'a booking waiting for its code whose paused chain has no step left',
      (s) => {
        waiting(s.bookings[ONE]);
        s.bookings[ONE].paused.next = createSteps();
      },
      only('bookings.16.paused.next', 'leaves no step of create for verify to continue'),
    ],
    [
      'a booking moved from itself',
      (s) => (s.bookings[ONE].related.rescheduled_from = 'bk_one'),
      only('bookings.16.related.rescheduled_from', 'moves in a loop: "bk_one" -> "bk_one"'),
    ],
    [
      'a booking’s project gone',
      (s) => (s.bookings[ONE].project_id = 'gone'),
      only('bookings.16.project_id', names('gone')),
    ],
    [
      'a booking’s resource gone',
      (s) => (s.bookings[ONE].resource_id = 'gone'),
      only('bookings.16.resource_id', names('gone')),
    ],
    [
      'a booking’s collection gone',
      (s) => (s.bookings[ONE].collection_id = 'gone'),
      only('bookings.16.collection_id', names('gone')),
    ],
    [
      'a booking’s hold gone',
      (s) => (s.bookings[ONE].reservation_id = 'gone'),
      only('bookings.16.reservation_id', names('gone')),
    ],
    [
      'moved from a booking that is gone',
      (s) => (s.bookings[ONE].related.rescheduled_from = 'gone'),
      only('bookings.16.related.rescheduled_from', names('gone')),
    ],
    [
      'moved to a booking that is gone',
      (s) => (s.bookings[ONE].related.rescheduled_to = 'gone'),
      only('bookings.16.related.rescheduled_to', names('gone')),
    ],
    [
      'a one-to-one booking naming a class that is gone',
      (s) => (s.bookings[ONE].related.owner_booking_id = 'gone'),
      only('bookings.16.related.owner_booking_id', names('gone')),
    ],
    [
      'a seat in something that is not a class',
      (s) => (s.bookings[SEAT].related.owner_booking_id = 'bk_seat'),
      only(
        'bookings.15.related.owner_booking_id',
        'must name a class (a booking with an event, on a class graph) in the snapshot',
      ),
    ],
    [
      'a seat in a one-to-one booking, which has an event but no seats',
      (s) => (s.bookings[SEAT].related.owner_booking_id = 'bk_one'),
      only(
        'bookings.15.related.owner_booking_id',
        'must name a class (a booking with an event, on a class graph) in the snapshot',
      ),
    ],
    [
      'a waitlist entry for a one-to-one booking',
      (s) => (s.waitlist[0].owner_booking_id = 'bk_one'),
      only(
        'waitlist.0.owner_booking_id',
        'must name a class (a booking with an event, on a class graph) in the snapshot',
      ),
    ],
    [
      // Verifying it would end the verify step in "verified", a state the graph does not rest in.
      'a booking waiting for its code with no paused chain to continue',
      (s) => (s.bookings[ONE].state = 'awaiting_verification'),
      only(
        'bookings.16.paused',
        'is required: in "awaiting_verification" the booking waits for verify, which continues a paused action',
      ),
    ],
    [
      'an event that ends as it starts',
      (s) => (s.bookings[ONE].event.end = s.bookings[ONE].event.start),
      only('bookings.16.event.end', 'must be after event.start'),
    ],
    [
      'a confirmed one-to-one booking without an event',
      (s) => delete s.bookings[ONE].event,
      only('bookings.16.event', 'is required: a instant booking in "confirmed" holds time'),
    ],
    [
      'a paused action that does not exist',
      (s) => (s.bookings[ONE].paused = { action: 'explode', next: 0 }),
      only('bookings.16.paused.action', '"explode" is not an action of instant'),
    ],
    [
      'a paused action past its last step',
      (s) => (s.bookings[ONE].paused = { action: 'cancel', next: cancelSteps() + 1 }),
      only('bookings.16.paused.next', `is past the ${cancelSteps()} steps of cancel`),
    ],
    [
      'a hold that ends as it starts',
      (s) => (s.holds[0].end = s.holds[0].start),
      only('holds.0.end', 'must be after start'),
    ],
    [
      'a hold for no resource and no class',
      (s) => delete s.holds[0].resource_id,
      only('holds.0', 'must name a resource_id or an owner_booking_id'),
    ],
    [
      'a hold’s resource gone',
      (s) => (s.holds[0].resource_id = 'gone'),
      only('holds.0.resource_id', names('gone')),
    ],
    [
      'a hold’s class gone',
      (s) => (s.holds[1].owner_booking_id = 'gone'),
      only('holds.1.owner_booking_id', names('gone')),
    ],
    [
      'a hold’s booking gone',
      (s) => (s.holds[0].booking_id = 'gone'),
      only('holds.0.booking_id', names('gone')),
    ],
    [
      'a hold’s project gone',
      (s) => (s.holds[0].project_id = 'gone'),
      only('holds.0.project_id', names('gone')),
    ],
    [
      'a calendar event that ends as it starts',
      (s) => (s.resources[0].events = [{ start: NOW, end: NOW, what: 'Lunch' }]),
      only('resources.0.events.0.end', 'must be after start'),
    ],
    [
      'a project on a graph that does not exist',
      (s) => (s.projects[0].graph = 'nope'),
      only('projects.0.graph', '"nope" is not a graph'),
    ],
    [
      'two projects with one key',
      (s) => (s.projects[1].app_key = s.projects[0].app_key),
      only('projects.1.app_key', 'is the key of another project too'),
    ],
    [
      'a series naming a booking that is gone',
      (s) => (s.collections[0].booking_ids[0] = 'gone'),
      only('collections.0.booking_ids.0', names('gone')),
    ],
    [
      'an email about a booking that is gone',
      (s) => (s.outbox[0].booking_id = 'gone'),
      only('outbox.0.booking_id', names('gone')),
    ],
    [
      'a delivery for a webhook that is gone',
      (s) => (s.webhook_deliveries[0].webhook_id = 'gone'),
      only('webhook_deliveries.0.webhook_id', names('gone')),
    ],
    [
      'a waitlist for something that is not a class',
      (s) => (s.waitlist[0].owner_booking_id = 'bk_seat'),
      only(
        'waitlist.0.owner_booking_id',
        'must name a class (a booking with an event, on a class graph) in the snapshot',
      ),
    ],
    [
      'an offered entry without its hold',
      (s) => delete s.waitlist[0].hold_id,
      only('waitlist.0.hold_id', 'is required, and must be in the snapshot, for an offered entry'),
    ],
    [
      'an offered entry whose hold is gone',
      (s) => (s.waitlist[0].hold_id = 'gone'),
      [
        {
          path: 'store.waitlist.0.hold_id',
          message: 'is required, and must be in the snapshot, for an offered entry',
        },
        { path: 'store.waitlist.0.hold_id', message: names('gone') },
      ],
    ],
    [
      'a waitlist entry’s booking gone',
      (s) => (s.waitlist[0].booking_id = 'gone'),
      only('waitlist.0.booking_id', names('gone')),
    ],
    [
      'a waitlist entry’s project gone',
      (s) => (s.waitlist[0].project_id = 'gone'),
      only('waitlist.0.project_id', names('gone')),
    ],
    [
      'a list the engine does not know',
      (s) => (s.extra = []),
      [{ path: 'store', message: 'Unrecognized key: "extra"' }],
    ],
    [
      'a time past the year 9999',
      (s) => (s.holds[0].expires_at = Date.parse('+010000-01-01T00:00:00Z')),
      only('holds.0.expires_at', 'Too big: expected number to be <=253402300799999'),
    ],
    [
      'an empty id',
      (s) => (s.outbox[0].id = ''),
      only('outbox.0.id', 'Too small: expected string to have >=1 characters'),
    ],
    [
      'no seats on a waitlist entry',
      (s) => (s.waitlist[0].seats = 0),
      only('waitlist.0.seats', 'Too small: expected number to be >=1'),
    ],
    [
      'opening hours in 25 pieces a day',
      (s) =>
        (s.resources[0].weekly_hours.mon = Array.from({ length: 25 }, () => ['09:00', '10:00'])),
      only('resources.0.weekly_hours.mon', 'Too big: expected array to have <=24 items'),
    ],
  ];

  for (const [label, breakIt, expected] of cases) {
    test(label, () => {
      const store = sound();
      breakIt(store);
      const refused = refusal(store);
      assert.equal(refused?.code, 'validation_failed', label);
      assert.deepEqual(refused.details, expected);
    });
  }

  /** A copy of the one-to-one booking under another id, moved from `from`. */
  const movedCopy = (store: any, id: string, from: string) => ({
    ...store.bookings[ONE],
    id,
    reservation_id: undefined,
    related: { rescheduled_from: from },
  });

  test('a chain of moves back to a first booking passes', () => {
    const store = sound();
    store.bookings.push(
      movedCopy(store, 'bk_two', 'bk_one'),
      movedCopy(store, 'bk_three', 'bk_two'),
    );
    assert.equal(refusal(store), undefined);
  });

  test('moves that loop are refused once, at the loop’s first booking, a move into it before it', () => {
    const store = sound();
    const one = store.bookings[ONE];
    // bk_tail comes first in the snapshot and leads into the loop bk_one -> bk_two -> bk_one at
    // bk_two: the loop is still named from bk_one, the first of it in the snapshot.
    const [tail, two] = [
      movedCopy(store, 'bk_tail', 'bk_two'),
      movedCopy(store, 'bk_two', 'bk_one'),
    ];
    store.bookings.unshift(tail);
    store.bookings.push(two);
    one.related = { rescheduled_from: 'bk_two' };
    assert.deepEqual(
      refusal(store)?.details,
      only(
        'bookings.17.related.rescheduled_from',
        'moves in a loop: "bk_one" -> "bk_two" -> "bk_one"',
      ),
    );
  });

  test('a customer with no email (a project that asks for a phone instead) passes', () => {
    const store = sound();
    const { email: _email, ...customer } = store.bookings[ONE].customers[0];
    store.bookings[ONE].customers = [{ ...customer, phone: '555-0100' }];
    assert.equal(refusal(store), undefined);
  });

  test('a timer of the state’s own timeout passes', () => {
    const store = sound();
    waiting(store.bookings[ONE]);
    assert.equal(refusal(store), undefined);
  });

  test('a deleted booking’s state is no state of its graph, and is kept', () => {
    const store = sound();
    store.bookings[ONE].state = 'deleted';
    assert.equal(refusal(store), undefined);
  });

  test('a booking that holds no time needs no event; a paused action at its last step is fine', () => {
    const store = sound();
    store.bookings[ONE].state = 'cancelled';
    delete store.bookings[ONE].event;
    store.bookings[ONE].paused = { action: 'cancel', next: cancelSteps() };
    assert.equal(refusal(store), undefined);
  });
});

describe('checkSnapshot: what the refusal says', () => {
  test('one problem: its place and words, in the singular', () => {
    const store = sound();
    store.outbox[0].booking_id = 'gone';
    assert.equal(
      refusal(store)?.message,
      'The snapshot was not loaded (1 problem): store.outbox.0.booking_id names "gone", which is not in the snapshot',
    );
  });

  test('25 problems: the count, the first three in the message, the first 20 as details', () => {
    const store = sound();
    for (let index = 0; index < 25; index++)
      store.outbox.push({ ...store.outbox[0], id: `out_x${index}`, booking_id: `gone_${index}` });
    const refused = refusal(store)!;
    assert.equal(
      refused.message,
      'The snapshot was not loaded (25 problems): ' +
        [1, 2, 3].map((n) => `store.outbox.${n}.booking_id ${names(`gone_${n - 1}`)}`).join('; '),
    );
    assert.equal(refused.details?.length, 20);
    assert.deepEqual(refused.details?.at(-1), {
      path: 'store.outbox.20.booking_id',
      message: names('gone_19'),
    });
  });

  test('without a prefix, paths start at the snapshot’s own fields', () => {
    const store = sound();
    store.holds[0].project_id = 'gone';
    store.extra = [];
    assert.deepEqual(refusal(store, '')?.details, [
      { path: '', message: 'Unrecognized key: "extra"' },
    ]);
    delete store.extra;
    assert.deepEqual(refusal(store, '')?.details, [
      { path: 'holds.0.project_id', message: names('gone') },
    ]);
  });
});

/** The number of steps of the instant graph's cancel action. */
function cancelSteps(): number {
  return graphs.get('instant')!.actions.cancel!.steps.length;
}

function createSteps(): number {
  return graphs.get('instant')!.actions.create!.steps.length;
}

/** The one-to-one booking as an email-verified create leaves it: paused after sending the code. */
function waiting(booking: any, timer = { at: NOW + HOUR, action: 'expire_verification' }): void {
  const instant = graphs.get('instant')!;
  booking.state = 'awaiting_verification';
  booking.timer = timer;
  booking.paused = {
    action: 'create',
    next: instant.actions.create!.steps.findIndex((step) => step.pause) + 1,
  };
}
