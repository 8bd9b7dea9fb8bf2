import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { afterCreate, refresh } from '../../../src/flow/holding.ts';
import type { FlowState } from '../../../src/flow/state.ts';
import { FORM, HOLD, booked, refuse, signalled, stand } from './journey-stand.ts';

/**
 * holding.ts after a booking is made: where it goes (verify, payment, the result) and what
 * `refresh` follows (a longer hold, a payment window that ended, the booking moved on), against
 * a stand-in host and client (issue 17's survivors).
 */

describe('afterCreate: verify, payment or the result', () => {
  test("the booking's token is kept; the form starts again from the prefill, a copy", () => {
    const prefill = { name: 'Host' };
    const s = stand(FORM, {}, { options: { prefill } });
    afterCreate(s.host, booked({ customer_token: 'tok_new' }));
    assert.equal(s.host.memory.token, 'tok_new');
    assert.deepEqual(s.host.memory.values, prefill);
    assert.notEqual(s.host.memory.values, prefill);
    const none = stand(FORM, {});
    afterCreate(none.host, booked({}));
    assert.equal(none.host.memory.token, 'tok_old');
    assert.deepEqual(none.host.memory.values, {});
  });

  test('awaiting verification: the code step', () => {
    const booking = booked({ state: 'awaiting_verification' });
    const s = stand(FORM, {});
    afterCreate(s.host, booking);
    assert.deepEqual(s.signals, [{ type: 'booking-created', detail: { booking } }]);
    assert.deepEqual(s.states, [{ step: 'verify', booking, busy: false }]);
    assert.deepEqual(s.cues, [{ kind: 'verify' }]);
  });

  for (const graph of ['instant_payment', 'group_customer_payment']) {
    test(`tentative on ${graph}: the payment step, with its window`, () => {
      const booking = booked({ graph, state: 'tentative', expires_at: '2026-12-04T12:10:00Z' });
      const s = stand(FORM, {});
      afterCreate(s.host, booking);
      assert.deepEqual(s.signals, [
        { type: 'booking-created', detail: { booking } },
        { type: 'payment-required', detail: { booking, expiresAt: '2026-12-04T12:10:00Z' } },
      ]);
      assert.deepEqual(s.states, [{ step: 'payment', booking, busy: false }]);
      assert.deepEqual(s.cues, [{ kind: 'payment' }]);
    });
  }

  for (const [graph, state] of [
    ['confirm_decline', 'tentative'],
    ['instant_payment', 'confirmed'],
  ]) {
    test(`${state} on ${graph}: the result, cancellable until the class says`, () => {
      const booking = booked({ graph, state });
      const s = stand(FORM, {}, { until: '2026-12-05T09:00:00Z' });
      afterCreate(s.host, booking);
      assert.deepEqual(s.states, [
        { step: 'result', booking, cancellableUntil: '2026-12-05T09:00:00Z' },
      ]);
      assert.deepEqual(s.cues, [{ kind: 'result', booking }]);
      const open = stand(FORM, {});
      afterCreate(open.host, booking);
      assert.deepEqual(open.states, [{ step: 'result', booking }]);
    });
  }
});

describe('refresh: the hold or booking on screen, asked again', () => {
  const PAYING: FlowState = {
    step: 'payment',
    booking: booked({ graph: 'instant_payment', state: 'tentative' }),
    busy: false,
  };

  test("the form: its hold again, with the journey's signal", async () => {
    const later = { ...HOLD, expires_at: '2026-12-04T12:05:00Z' };
    const s = stand(FORM, { getHold: async () => later });
    await refresh(s.host);
    assert.deepEqual(
      s.calls.map(({ name, args }) => [name, args[0]]),
      [['getHold', 'hold_1']],
    );
    assert.equal(signalled(s.calls[0]), true);
    assert.deepEqual(s.states, [{ ...FORM, hold: later }]);
  });

  test('a window that ended unpaid: back to the chooser; paid: the result', async () => {
    const unpaid = booked({ graph: 'instant_payment', state: 'unpaid' });
    const s = stand(PAYING, { getBooking: async () => unpaid }, { token: 'tok_1' });
    await refresh(s.host);
    assert.deepEqual(s.calls[0]?.args, [
      'bk_1',
      { signal: s.host.access().signal, customerToken: 'tok_1' },
    ]);
    assert.deepEqual(s.signals, [{ type: 'details-closed', detail: {} }]);
    assert.deepEqual([s.notices, s.states], [[{ kind: 'payment-expired' }], []]);
    const paid = booked({ graph: 'instant_payment', state: 'paid' });
    const p = stand(PAYING, { getBooking: async () => paid }, { token: 'tok_1' });
    await refresh(p.host);
    assert.deepEqual(p.states, [{ step: 'result', booking: paid }]);
    assert.deepEqual([p.signals, p.notices], [[], []]);
  });

  test('still tentative, or another step with a booking: the newer booking shown', async () => {
    const newer = booked({ graph: 'instant_payment', state: 'tentative', expires_at: 'x' });
    const s = stand(PAYING, { getBooking: async () => newer }, { token: 'tok_1' });
    await refresh(s.host);
    assert.deepEqual(s.states, [{ ...PAYING, booking: newer }]);
    const verify: FlowState = { step: 'verify', booking: booked({}), busy: true };
    const cancelled = booked({ state: 'cancelled' });
    const v = stand(verify, { getBooking: async () => cancelled }, { token: 'tok_1' });
    await refresh(v.host);
    assert.deepEqual(v.states, [{ ...verify, booking: cancelled }]);
    assert.deepEqual(v.notices, []);
  });

  test('no token, no booking, or no booking step: nothing asked', async () => {
    for (const [start, token] of [
      [PAYING, undefined],
      [{ step: 'manage', booking: undefined, busy: false }, 'tok_1'],
      [{ step: 'loading' }, 'tok_1'],
    ] as const) {
      const s = stand(start as FlowState, { getBooking: async () => booked({}) }, { token });
      await refresh(s.host);
      assert.deepEqual([s.calls, s.states, s.signals], [[], [], []]);
    }
  });

  test('another booking or hold on screen meanwhile: left alone', async () => {
    for (const now of [
      { ...PAYING, booking: booked({ id: 'bk_2' }) },
      { step: 'loading' },
    ] as FlowState[]) {
      const s = stand(
        PAYING,
        {
          getBooking: async () => (s.host.write(now), booked({ state: 'unpaid' })),
        },
        { token: 'tok_1' },
      );
      await refresh(s.host);
      assert.deepEqual([s.states, s.notices, s.signals], [[now], [], []]);
    }
    const f = stand(FORM, {
      getHold: async () => (f.host.write({ ...FORM, hold: { ...HOLD, id: 'hold_2' } }), HOLD),
    });
    await refresh(f.host);
    assert.equal(f.states.length, 1);
  });

  test('a refusal is reported; an abort is not', async () => {
    const s = stand(FORM, { getHold: refuse('not_found') });
    await refresh(s.host);
    const error = { code: 'not_found', message: 'not_found message' };
    assert.deepEqual([s.signals, s.states], [[{ type: 'error', detail: { error } }], []]);
    const quiet = stand(PAYING, { getBooking: refuse('aborted') }, { token: 'tok_1' });
    await refresh(quiet.host);
    assert.deepEqual(quiet.signals, []);
  });
});
