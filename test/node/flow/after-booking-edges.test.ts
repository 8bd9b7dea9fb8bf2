import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cancel, leavePayment, pay, verify } from '../../../src/flow/after-booking.ts';
import type { PaymentHandler } from '../../../src/flow/settings.ts';
import type { FlowState } from '../../../src/flow/state.ts';
import { CHOOSE, booked, refuse, stand } from './journey-stand.ts';

/**
 * after-booking.ts's customer actions against a stand-in host and client: the code, the
 * payment, leaving it, the cancel, each with what is sent and exactly what the host is told, on
 * the paths the mock API rarely takes (a second press, a refusal, an aborted call, the visitor
 * gone meanwhile; issue 17's survivors). Moving and opening a booking: after-booking-move.
 */

const BOOKING = booked({ state: 'awaiting_verification' });
const DONE = booked({ state: 'confirmed' });
const VERIFY: FlowState = { step: 'verify', booking: BOOKING, busy: false };
const PAYMENT: FlowState = { step: 'payment', booking: BOOKING, busy: false };
const MANAGE: FlowState = { step: 'manage', booking: BOOKING, busy: false };
const OLD = { code: 'old', message: 'old message' };

/** The action's name, its body and the booking's key and signal it was sent with. */
const sent = (call?: { name: string; args: unknown[] }) => {
  const access = call?.args[3] as { customerToken?: string; signal?: unknown } | undefined;
  return {
    name: call?.name,
    id: call?.args[0],
    action: call?.args[1],
    body: call?.args[2],
    token: access?.customerToken,
    signalled: access?.signal instanceof AbortSignal,
  };
};
const action = (name: string, body: unknown) => ({
  name: 'performAction',
  id: 'bk_1',
  action: name,
  body,
  token: 'tok_1',
  signalled: true,
});

describe('verify: the code, trimmed, then where the booking goes', () => {
  test('the trimmed code is sent with the key; a confirmed booking shows its result', async () => {
    const s = stand(
      { ...VERIFY, error: OLD },
      { performAction: async () => DONE },
      { token: 'tok_1', until: '2026-12-05T09:00:00Z' },
    );
    await verify(s.host, ' 123456 \n');
    assert.deepEqual(s.calls.map(sent), [action('verify', { verify: { code: '123456' } })]);
    assert.deepEqual(s.states, [
      { ...VERIFY, busy: true, error: undefined },
      { step: 'result', booking: DONE, cancellableUntil: '2026-12-05T09:00:00Z' },
    ]);
    assert.deepEqual(s.signals, [{ type: 'booking-created', detail: { booking: DONE } }]);
    assert.deepEqual(s.cues, [{ kind: 'result', booking: DONE }]);
  });

  test('from another step, sends nothing', async () => {
    for (const start of [PAYMENT, MANAGE, CHOOSE]) {
      const s = stand(start, { performAction: async () => DONE });
      await verify(s.host, '1');
      assert.deepEqual([s.calls, s.states, s.signals], [[], [], []], start.step);
    }
  });

  test('a refused code: the error on the step, reported', async () => {
    const s = stand(VERIFY, { performAction: refuse('invalid_code') }, { token: 'tok_1' });
    await verify(s.host, '9');
    const error = { code: 'invalid_code', message: 'invalid_code message' };
    assert.deepEqual(s.states, [
      { ...VERIFY, busy: true, error: undefined },
      { ...VERIFY, busy: false, error },
    ]);
    assert.deepEqual(s.signals, [{ type: 'error', detail: { error } }]);
  });

  test('an aborted call says nothing and leaves the step busy', async () => {
    const s = stand(VERIFY, { performAction: refuse('aborted') });
    await verify(s.host, '9');
    assert.deepEqual([s.states, s.signals], [[{ ...VERIFY, busy: true, error: undefined }], []]);
  });

  test('gone from the step meanwhile: reported, the state left alone', async () => {
    const s = stand(VERIFY, {
      performAction: () => {
        s.host.write(CHOOSE);
        return refuse('invalid_code')();
      },
    });
    await verify(s.host, '9');
    assert.equal(s.states.at(-1), CHOOSE);
    assert.deepEqual(
      s.signals.map((signal) => signal.type),
      ['error'],
    );
  });
});

describe('pay: the handler, then the payment registered with the booking', () => {
  const PAID = booked({ state: 'confirmed', id: 'bk_1' });
  const handler = (pay: PaymentHandler['pay']): PaymentHandler & { seen: unknown[] } => {
    const seen: unknown[] = [];
    return { seen, pay: (booking) => (seen.push(booking), pay(booking)) };
  };

  test("the handler's answer is sent; paid, the result", async () => {
    const card = handler(async () => ({ reference: 'ref_1' }));
    const s = stand(
      { ...PAYMENT, error: OLD },
      { performAction: async () => PAID },
      { token: 'tok_1' },
    );
    await pay(s.host, card);
    assert.deepEqual(card.seen, [BOOKING]);
    assert.deepEqual(s.calls.map(sent), [action('pay', { pay: { reference: 'ref_1' } })]);
    const busy = { ...PAYMENT, busy: true, error: undefined };
    assert.deepEqual(s.states, [busy, busy, { step: 'result', booking: PAID }]);
    assert.deepEqual(s.signals, [{ type: 'booking-paid', detail: { booking: PAID } }]);
    assert.deepEqual(s.cues, [{ kind: 'result', booking: PAID }]);
  });

  test('not on the payment step, or busy there: the handler is not asked', async () => {
    for (const start of [VERIFY, { ...PAYMENT, busy: true }, MANAGE]) {
      const card = handler(async () => ({}));
      const s = stand(start, { performAction: async () => PAID });
      await pay(s.host, card);
      assert.deepEqual([card.seen, s.calls, s.states, s.signals], [[], [], [], []], start.step);
    }
  });

  test('the handler throws: its problem on the step, reported, nothing sent', async () => {
    const card = handler(() => Promise.reject(new Error('card declined')));
    const s = stand(PAYMENT, { performAction: async () => PAID });
    await pay(s.host, card);
    const error = { code: 'unknown', message: 'card declined' };
    assert.deepEqual(s.calls, []);
    assert.deepEqual(s.states, [
      { ...PAYMENT, busy: true, error: undefined },
      { ...PAYMENT, busy: false, error },
    ]);
    assert.deepEqual(s.signals, [{ type: 'error', detail: { error } }]);
  });

  test('the handler throws after the visitor left: reported, the state left alone', async () => {
    const s = stand(PAYMENT, {});
    await pay(s.host, {
      pay: () => (s.host.write(CHOOSE), refuse('declined')()),
    });
    assert.equal(s.states.at(-1), CHOOSE);
    assert.deepEqual(s.signals.length, 1);
  });

  test('left the payment while the handler ran: nothing is sent, nothing more written', async () => {
    for (const gone of [CHOOSE, { step: 'manage', booking: undefined, busy: true } as FlowState]) {
      const s = stand(PAYMENT, { performAction: async () => PAID });
      await pay(s.host, { pay: async () => (s.host.write(gone), {}) });
      assert.deepEqual([s.calls, s.states.at(-1), s.signals], [[], gone, []], gone.step);
    }
  });

  test('a refused payment: the error on the step, reported', async () => {
    const s = stand(PAYMENT, { performAction: refuse('payment_failed') });
    await pay(s.host, { pay: async () => ({}) });
    const error = { code: 'payment_failed', message: 'payment_failed message' };
    assert.deepEqual(s.states.at(-1), { ...PAYMENT, busy: false, error });
    assert.deepEqual(s.signals, [{ type: 'error', detail: { error } }]);
  });
});

describe('leavePayment: back to the chooser, the time released where the graph allows', () => {
  for (const [actions, calls] of [
    [['pay', 'release'], 1],
    [['pay'], 0],
  ] as const) {
    test(`possible actions ${actions.join(', ')}: ${calls} release sent`, async () => {
      const booking = booked({ state: 'tentative', possible_actions: [...actions] });
      const s = stand(
        { ...PAYMENT, booking },
        { performAction: async () => booking },
        { token: 'tok_1' },
      );
      await leavePayment(s.host);
      assert.deepEqual(s.signals, [{ type: 'details-closed', detail: {} }]);
      assert.deepEqual(s.notices, [undefined]);
      assert.deepEqual(s.calls.map(sent), calls ? [action('release', { release: {} })] : []);
    });
  }

  test('a failed release is left to the payment window', async () => {
    const booking = booked({ state: 'tentative', possible_actions: ['release'] });
    const s = stand({ ...PAYMENT, booking }, { performAction: refuse('network') });
    await leavePayment(s.host);
    assert.deepEqual([s.calls.length, s.notices, s.signals.length], [1, [undefined], 1]);
  });

  test('not on the payment step, or busy there: stays', async () => {
    for (const start of [VERIFY, { ...PAYMENT, busy: true }]) {
      const s = stand(start, { performAction: async () => BOOKING });
      await leavePayment(s.host);
      assert.deepEqual([s.calls, s.notices, s.signals], [[], [], []], start.step);
    }
  });
});

describe('cancel: from the manage step, with the message if any', () => {
  const CANCELLED = booked({ state: 'cancelled_by_customer' });

  for (const [message, body] of [
    ['Sorry, Doc', { cancel_by_customer: { message: 'Sorry, Doc' } }],
    ['', { cancel_by_customer: {} }],
  ] as const) {
    test(`message ${JSON.stringify(message)}: cancelled, said so`, async () => {
      const s = stand(
        { ...MANAGE, error: OLD, cancellableUntil: 'x' },
        { performAction: async () => CANCELLED },
        { token: 'tok_1' },
      );
      await cancel(s.host, message);
      assert.deepEqual(s.calls.map(sent), [action('cancel_by_customer', body)]);
      assert.deepEqual(s.states, [
        { ...MANAGE, cancellableUntil: 'x', busy: true, error: undefined },
        { step: 'manage', booking: CANCELLED, busy: false, banner: { kind: 'cancelled' } },
      ]);
      assert.deepEqual(s.signals, [{ type: 'booking-cancelled', detail: { booking: CANCELLED } }]);
      assert.deepEqual(s.cues, [{ kind: 'cancelled' }]);
    });
  }

  test('no booking yet, busy, or another step: sends nothing', async () => {
    for (const start of [
      { ...MANAGE, booking: undefined },
      { ...MANAGE, busy: true },
      VERIFY,
    ] as FlowState[]) {
      const s = stand(start, { performAction: async () => CANCELLED });
      await cancel(s.host, 'm');
      assert.deepEqual([s.calls, s.states, s.signals], [[], [], []], start.step);
    }
  });

  test('a refused cancel: the error on the manage step, reported', async () => {
    const s = stand(MANAGE, { performAction: refuse('too_late') });
    await cancel(s.host, '');
    const error = { code: 'too_late', message: 'too_late message' };
    assert.deepEqual(s.states.at(-1), { ...MANAGE, busy: false, error });
    assert.deepEqual(s.signals, [{ type: 'error', detail: { error } }]);
    assert.deepEqual(s.cues, []);
  });
});
