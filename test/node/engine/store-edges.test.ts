import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Store } from '../../../src/engine/store.ts';
import type { BookingRecord, HoldRecord, OutboxEntry } from '../../../src/engine/records.ts';

/**
 * The store's all-or-nothing writes, straight on `Store` (issue #17: of 41 bugs planted in
 * store.ts, the engine tests caught 9; a request that fails half-way is rare in them, and each
 * kind of record's undo was reached by a few paths at most). Every test makes a change inside a
 * transaction that then fails, and checks the store is exactly as it was.
 */

const booking = (id: string, more: Partial<BookingRecord> = {}) =>
  ({ id, state: 'confirmed', related: {}, ...more }) as BookingRecord;
const hold = (id: string, more: Partial<HoldRecord> = {}) =>
  ({ id, seats: 1, ...more }) as HoldRecord;
const entry = (id: string): OutboxEntry => ({
  id,
  kind: 'email',
  to: 'ada@example.test',
  subject: '',
  body: '',
  state: 'queued',
  created_at: 0,
});

/** Runs `work` in a transaction that then fails, and hands back the error it failed with. */
function failing(store: Store, work: () => void): Error {
  const planned = new Error('planned');
  assert.throws(
    () =>
      store.transaction(() => {
        work();
        throw planned;
      }),
    (error) => error === planned,
  );
  return planned;
}

describe('Store: a failed transaction leaves every kind of record as it was', () => {
  test('bookings, and the class and resource indexes they were added to', () => {
    const store = new Store();
    failing(store, () =>
      store.insertBooking(
        booking('bk_1', { resource_id: 'res_1', related: { owner_booking_id: 'cls_1' } }),
      ),
    );
    assert.equal(store.bookings.size, 0, 'the booking is gone');
    assert.equal(store.seatBookingIdsOfClass('cls_1').size, 0, 'the class lists no seat booking');
    assert.deepEqual(store.bookingsOnResource('res_1'), [], 'the resource lists no booking');
  });

  test('holds', () => {
    const store = new Store();
    failing(store, () => store.insertHold(hold('hold_1', { resource_id: 'res_1' })));
    assert.equal(store.holds.size, 0, 'the hold is gone');
    assert.deepEqual(store.holdsOnResource('res_1'), [], 'the resource lists no hold');
  });

  test('series, webhooks, deliveries, waitlist entries and the outbox', () => {
    const store = new Store();
    failing(store, () => {
      store.insertCollection({ id: 'col_1' } as never);
      store.insertWebhook({ id: 'wh_1' } as never);
      store.insertDelivery({ id: 'del_1', webhook_id: 'wh_1' } as never);
      store.insertWaitlistEntry({ id: 'wl_1' } as never);
      store.appendOutbox(entry('out_1'));
    });
    assert.deepEqual(
      [store.collections, store.webhooks, store.deliveries, store.waitlist].map((map) => map.size),
      [0, 0, 0, 0],
    );
    assert.deepEqual(store.outbox, [], 'the email is not sent');
  });

  test('a record changed in an earlier transaction is put back as the failed one found it', () => {
    const store = new Store();
    store.insertBooking(booking('bk_1'));
    store.transaction(() => {
      store.editBooking('bk_1').state = 'cancelled';
    });
    failing(store, () => {
      store.editBooking('bk_1').state = 'completed';
    });
    assert.equal(store.bookings.get('bk_1')?.state, 'cancelled');
  });

  test('a record changed outside any transaction is put back as the failed one found it', () => {
    const store = new Store();
    store.insertBooking(booking('bk_1'));
    store.editBooking('bk_1').state = 'cancelled';
    failing(store, () => {
      store.editBooking('bk_1').state = 'completed';
    });
    assert.equal(store.bookings.get('bk_1')?.state, 'cancelled');
  });

  test('the first failed transaction after a restore puts a restored record back', () => {
    const store = new Store();
    store.restore({
      version: 1,
      bookings: [booking('bk_1', { resource_id: 'res_1' })],
      holds: [hold('hold_1', { resource_id: 'res_1' })],
      resources: [],
      projects: [],
      collections: [],
      outbox: [],
    });
    failing(store, () => {
      store.editBooking('bk_1').state = 'completed';
      store.editHold('hold_1').seats = 3;
    });
    assert.equal(store.bookings.get('bk_1')?.state, 'confirmed');
    assert.equal(store.holds.get('hold_1')?.seats, 1);
  });

  test('a transaction inside another joins it: the outer failure undoes both', () => {
    const store = new Store();
    failing(store, () => {
      store.insertBooking(booking('bk_outer'));
      store.transaction(() => store.insertBooking(booking('bk_inner')));
    });
    assert.deepEqual([...store.bookings.keys()], []);
  });

  test('an inner failure caught by the outer work still undoes everything when the outer fails', () => {
    const store = new Store();
    failing(store, () => {
      store.insertBooking(booking('bk_outer'));
      assert.throws(() =>
        store.transaction(() => {
          store.insertBooking(booking('bk_inner'));
          throw new Error('inner');
        }),
      );
    });
    assert.deepEqual([...store.bookings.keys()], []);
  });
});

describe('Store: reads and removals', () => {
  test('a record that is not there cannot be edited', () => {
    const store = new Store();
    assert.throws(() => store.editBooking('nope'), /^Error: Store: no record nope$/);
    assert.throws(() => store.editHold('nope'), /no record nope/);
  });

  test('a restore takes its own copy and replaces everything, deliveries included', () => {
    const store = new Store();
    store.insertDelivery({ id: 'del_old', webhook_id: 'wh_1' } as never);
    const snapshot = {
      version: 1 as const,
      bookings: [booking('bk_1')],
      holds: [],
      resources: [],
      projects: [],
      collections: [],
      outbox: [],
    };
    store.restore(snapshot);
    snapshot.bookings[0]!.state = 'cancelled';
    assert.equal(
      store.bookings.get('bk_1')?.state,
      'confirmed',
      'the caller’s object is not the store',
    );
    assert.equal(store.deliveries.size, 0, 'the old delivery is gone');
  });

  test('removing a webhook removes its deliveries and no other', () => {
    const store = new Store();
    store.insertWebhook({ id: 'wh_1' } as never);
    store.insertWebhook({ id: 'wh_2' } as never);
    for (const [id, webhook_id] of [
      ['del_1', 'wh_1'],
      ['del_2', 'wh_2'],
      ['del_3', 'wh_1'],
    ])
      store.insertDelivery({ id, webhook_id } as never);
    store.removeWebhook('wh_1');
    assert.deepEqual([...store.webhooks.keys()], ['wh_2']);
    assert.deepEqual([...store.deliveries.keys()], ['del_2']);
  });
});
