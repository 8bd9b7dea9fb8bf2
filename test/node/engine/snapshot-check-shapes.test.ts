import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HOUR, NOW, ONE, SEAT, refusal, sound } from './snapshot-fixture.ts';

/**
 * The shape of every kind of record in a snapshot (Stryker's survivors in snapshot-check.ts,
 * issue #17): each sub-object's fields are checked, each enum takes every one of its values, and
 * a repeated id or an unknown name is refused at its own list's path.
 */

type Store = ReturnType<typeof sound>;

/** The paths checkSnapshot refuses the sound store with after `breaking` it. */
function refusedAt(breaking: (store: Store) => void): string[] | undefined {
  const store = sound();
  breaking(store);
  return refusal(store)?.details?.map((detail: { path: string }) => detail.path);
}

test('every sub-object’s fields are checked, one broken field at a time', () => {
  const cases: Array<[string, (store: Store) => void]> = [
    [
      'bookings.16.settings.min_booking_time',
      (s) => (s.bookings[ONE].settings = { min_booking_time: 'soon' }),
    ],
    ['bookings.16.event.start', (s) => (s.bookings[ONE].event.start = 'tomorrow')],
    ['bookings.15.related.seats', (s) => (s.bookings[SEAT].related.seats = 0)],
    ['bookings.16.timer.at', (s) => (s.bookings[ONE].timer = { at: 'soon', action: 'cancel' })],
    [
      'bookings.16.verification.code',
      (s) => (s.bookings[ONE].verification = { code: 1234, expires_at: NOW }),
    ],
    ['bookings.16.paused.next', (s) => (s.bookings[ONE].paused = { action: 'create', next: -1 })],
    [
      'resources.0.events.0.start',
      (s) => (s.resources[0].events = [{ start: 'x', end: NOW, what: 'Busy' }]),
    ],
    ['resources.0.calendar.id', (s) => (s.resources[0].calendar.id = 7)],
    ['projects.0.name', (s) => (s.projects[0].name = 7)],
    ['projects.0.availability.mode', (s) => (s.projects[0].availability.mode = 'random')],
    ['collections.0.booking_ids', (s) => (s.collections[0].booking_ids = 'bk_one')],
    ['collections.0.recurring.rrule', (s) => (s.collections[0].recurring.rrule = 7)],
    ['webhooks.0.url', (s) => (s.webhooks[0].url = 7)],
    ['webhook_deliveries.0.body', (s) => (s.webhook_deliveries[0].body = 7)],
    ['waitlist.0.customer.name', (s) => (s.waitlist[0].customer.name = 7)],
  ];
  for (const [path, breaking] of cases)
    assert.deepEqual(refusedAt(breaking), [`store.${path}`], path);
});

test('every value of each list of states and kinds is taken', () => {
  for (const mode of ['roundrobin_random', 'roundrobin_prioritized', 'mutual'])
    assert.equal(
      refusedAt((s) => (s.projects[0].availability.mode = mode)),
      undefined,
      mode,
    );
  for (const kind of ['email', 'webhook', 'sms'])
    assert.equal(
      refusedAt((s) => (s.outbox[0].kind = kind)),
      undefined,
      kind,
    );
  for (const state of ['pending', 'delivered', 'failed'])
    assert.equal(
      refusedAt((s) => (s.webhook_deliveries[0].state = state)),
      undefined,
      state,
    );
  for (const state of ['waiting', 'booked', 'lapsed', 'left', 'closed'])
    assert.equal(
      refusedAt((s) => (s.waitlist[0].state = state)),
      undefined,
      state,
    );
});

test('a repeated id is refused at its own list’s path', () => {
  const lists = ['holds', 'resources', 'projects', 'collections', 'webhooks'];
  for (const list of lists) {
    const store = sound();
    const first = store[list][0];
    // A copy of the first record under the same id (a project also needs its own key).
    store[list].push({ ...structuredClone(first), app_key: `${first.app_key}_copy` });
    const details = refusal(store)?.details ?? [];
    assert.deepEqual(details[0], {
      path: `store.${list}.${store[list].length - 1}.id`,
      message: `repeats the id "${first.id}"`,
    });
  }
});

test('an unknown graph or state, a project’s unknown resource: refused where they are named', () => {
  const graph = sound();
  graph.bookings[ONE].graph = 'nope';
  assert.deepEqual(refusal(graph)?.details, [
    {
      path: `store.bookings.${ONE}.graph`,
      message:
        '"nope" is not a graph; graphs are: instant, confirm_decline, instant_payment, ' +
        'group_owner, group_customer, group_customer_payment',
    },
  ]);
  const state = sound();
  state.bookings[ONE].state = 'nope';
  assert.deepEqual(refusal(state)?.details, [
    { path: `store.bookings.${ONE}.state`, message: '"nope" is not a state of the instant graph' },
  ]);
  assert.deepEqual(
    refusedAt((s) => s.projects[0].resources.push('res_nope')),
    [`store.projects.0.resources.${sound().projects[0].resources.length}`],
  );
});

test('a resource’s busy time that ends after it starts is taken', () => {
  const busy = { start: NOW, end: NOW + HOUR, what: 'Dentist' };
  assert.equal(
    refusedAt((s) => (s.resources[0].events = [busy])),
    undefined,
  );
  assert.deepEqual(
    refusedAt((s) => (s.resources[0].events = [{ ...busy, end: NOW }])),
    ['store.resources.0.events.0.end'],
  );
});
