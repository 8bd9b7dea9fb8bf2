import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { extendHold, reserve, submit } from '../../../src/flow/holding.ts';
import type { FlowState } from '../../../src/flow/state.ts';
import {
  BY_CLASS,
  BY_SLOT,
  CHOOSE,
  FORM,
  GROUP,
  HOLD,
  NOW,
  booked,
  refuse,
  signalled,
  stand,
} from './journey-stand.ts';

/**
 * holding.ts's hold, extension and booking against a stand-in host and client: the paths the
 * mock API rarely takes (a second press, each refusal, an aborted call, the visitor gone
 * meanwhile), each with exactly what the host is told (issue 17's survivors). What a booking
 * sends is holding-request.test.ts.
 */

describe('reserve: only from an idle chooser; each refusal told as the chooser words it', () => {
  test('a held time: the form under the hold, the hold reported, minutes left cued', async () => {
    const s = stand(CHOOSE, { reserve: async () => HOLD });
    s.host.memory.heldGroup = GROUP;
    await reserve(s.host, { resource_id: 'res_1' } as never, BY_SLOT);
    assert.deepEqual(s.calls[0]?.args[0], { resource_id: 'res_1' });
    assert.equal(signalled(s.calls[0]), true);
    assert.equal(s.host.memory.heldGroup, undefined);
    assert.deepEqual(s.states, [
      { ...CHOOSE, busy: true, notice: undefined },
      { ...FORM, values: { name: 'typed' } },
    ]);
    assert.deepEqual(s.signals, [{ type: 'hold-created', detail: { hold: HOLD } }]);
    assert.deepEqual(s.cues, [{ kind: 'hold-created', minutes: 10 }]);
  });

  test('a held class is remembered for the result', async () => {
    const s = stand(CHOOSE, { reserve: async () => HOLD });
    await reserve(s.host, {} as never, BY_CLASS);
    assert.equal(s.host.memory.heldGroup, GROUP);
  });

  test('the minutes are rounded; an unreadable end cues none left', async () => {
    for (const [expires, minutes] of [
      [new Date(NOW + 90_000 - 1).toISOString(), 1],
      [new Date(NOW + 90_000).toISOString(), 2],
      ['soon', 0],
    ] as const) {
      const s = stand(CHOOSE, { reserve: async () => ({ ...HOLD, expires_at: expires }) });
      await reserve(s.host, {} as never, BY_SLOT);
      assert.deepEqual(s.cues, [{ kind: 'hold-created', minutes }], expires);
    }
  });

  test('from another step, asks nothing', async () => {
    const s = stand(FORM, { reserve: async () => HOLD });
    await reserve(s.host, {} as never, BY_SLOT);
    assert.deepEqual([s.calls, s.states], [[], []]);
  });

  for (const [code, held, kind] of [
    ['slot_unavailable', BY_SLOT, 'slot-taken'],
    ['sold_out', BY_SLOT, 'slot-taken'],
    ['slot_unavailable', BY_CLASS, 'class-full'],
    ['sold_out', BY_CLASS, 'class-full'],
  ] as const) {
    test(`${code} on a ${held.kind}: ${kind}, and the choices asked again`, async () => {
      const s = stand(CHOOSE, { reserve: refuse(code) });
      await reserve(s.host, {} as never, held);
      const error = { code, message: `${code} message` };
      assert.deepEqual(s.signals, [{ type: 'error', detail: { error } }]);
      assert.deepEqual(s.states.at(-1), { ...CHOOSE, busy: false, notice: { kind } });
      // Asked again after the notice is shown, not before.
      assert.deepEqual(s.reloads, [2]);
    });
  }

  test('another refusal is the problem itself', async () => {
    const s = stand(CHOOSE, { reserve: refuse('rate_limited') });
    await reserve(s.host, {} as never, BY_SLOT);
    const problem = { code: 'rate_limited', message: 'rate_limited message' };
    assert.deepEqual(s.states.at(-1), {
      ...CHOOSE,
      busy: false,
      notice: { kind: 'problem', problem },
    });
  });

  test('an aborted hold says nothing and asks nothing again', async () => {
    const s = stand(CHOOSE, { reserve: refuse('aborted') });
    await reserve(s.host, {} as never, BY_SLOT);
    assert.deepEqual([s.states.length, s.signals, s.reloads], [1, [], []]);
  });

  test('gone from the chooser meanwhile: reported and reloaded, the state left alone', async () => {
    const s = stand(CHOOSE, {
      reserve: () => {
        s.host.write(FORM);
        return refuse('sold_out')();
      },
    });
    await reserve(s.host, {} as never, BY_SLOT);
    assert.equal(s.states.at(-1), FORM);
    assert.deepEqual([s.signals.length, s.reloads.length], [1, 1]);
  });
});

describe('extendHold: once at a time, onto the hold it was asked for', () => {
  const LONGER = { ...HOLD, expires_at: new Date(NOW + 20 * 60_000).toISOString() };

  test('the longer hold replaces the old one', async () => {
    const s = stand(FORM, { extendHold: async () => LONGER });
    await extendHold(s.host);
    assert.deepEqual(
      s.calls.map(({ name, args }) => [name, args[0]]),
      [['extendHold', 'hold_1']],
    );
    assert.equal(signalled(s.calls[0]), true);
    assert.deepEqual(s.states, [
      { ...FORM, extending: true },
      { ...FORM, hold: LONGER, extending: false },
    ]);
  });

  test('while extending, or from another step, asks nothing', async () => {
    for (const start of [{ ...FORM, extending: true } as FlowState, CHOOSE]) {
      const s = stand(start, { extendHold: async () => LONGER });
      await extendHold(s.host);
      assert.deepEqual([s.calls, s.states], [[], []]);
    }
  });

  test("a refusal is the form's error, and reported; an abort is not", async () => {
    const s = stand(FORM, { extendHold: refuse('conflict') });
    await extendHold(s.host);
    const error = { code: 'conflict', message: 'conflict message' };
    assert.deepEqual(s.states.at(-1), { ...FORM, extending: false, error });
    assert.deepEqual(s.signals, [{ type: 'error', detail: { error } }]);
    const quiet = stand(FORM, { extendHold: refuse('aborted') });
    await extendHold(quiet.host);
    assert.deepEqual([quiet.states.length, quiet.signals], [1, []]);
  });

  test('another hold on the form meanwhile, or another step: left alone', async () => {
    for (const now of [{ ...FORM, hold: { ...HOLD, id: 'hold_2' } } as FlowState, CHOOSE]) {
      for (const answer of [async () => LONGER, refuse('conflict')]) {
        const s = stand(FORM, {
          extendHold: () => {
            s.host.write(now);
            return answer();
          },
        });
        await extendHold(s.host);
        assert.equal(s.states.at(-1), now);
      }
    }
  });
});

describe('submit: once, and where each refusal goes', () => {
  const create = (booking = booked({})) => ({ createBooking: async () => booking });

  test('while submitting, from another step, or before the settings came: nothing asked', async () => {
    for (const [start, setup] of [
      [{ ...FORM, submitting: true }, {}],
      [CHOOSE, {}],
      [FORM, { settings: false }],
    ] as const) {
      const s = stand(start as FlowState, create(), setup);
      await submit(s.host, { name: 'Ada' });
      assert.deepEqual([s.calls, s.states, s.signals], [[], [], []]);
      assert.deepEqual(s.host.memory.values, { name: 'typed' });
    }
  });

  test('the hold ran out: the form closes, the chooser says why', async () => {
    const s = stand(FORM, { createBooking: refuse('hold_expired') });
    await submit(s.host, {});
    const error = { code: 'hold_expired', message: 'hold_expired message' };
    assert.deepEqual(s.signals.slice(2), [
      { type: 'booking-failed', detail: { error } },
      { type: 'details-closed', detail: {} },
    ]);
    assert.deepEqual(s.notices, [{ kind: 'hold-expired' }]);
    assert.equal(s.states.length, 1);
  });

  test('field issues go on the fields; validation_failed without them is the error', async () => {
    const details = [{ path: 'customer.email', message: 'invalid' }];
    const s = stand(FORM, { createBooking: refuse('validation_failed', details) });
    await submit(s.host, {});
    assert.deepEqual(s.states.at(-1), {
      ...FORM,
      submitting: false,
      fieldErrors: details,
      error: undefined,
    });
    const bare = stand(FORM, { createBooking: refuse('validation_failed') });
    await submit(bare.host, {});
    const error = { code: 'validation_failed', message: 'validation_failed message' };
    assert.deepEqual(bare.states.at(-1), { ...FORM, submitting: false, fieldErrors: [], error });
  });

  test("taken meanwhile: back to the chooser; any other refusal is the form's error", async () => {
    for (const [code, kind] of [
      ['sold_out', 'class-full'],
      ['slot_unavailable', 'slot-taken'],
    ] as const) {
      const s = stand(FORM, { createBooking: refuse(code) });
      await submit(s.host, {});
      assert.deepEqual([s.notices, s.states.length], [[{ kind }], 1]);
    }
    const details = [{ path: 'customer.email', message: 'taken' }];
    const s = stand(FORM, { createBooking: refuse('conflict', details) });
    await submit(s.host, {});
    const error = { code: 'conflict', message: 'conflict message', details };
    assert.deepEqual(s.states.at(-1), { ...FORM, submitting: false, fieldErrors: [], error });
    assert.deepEqual(s.notices, []);
    assert.deepEqual(s.signals.at(-1), { type: 'booking-failed', detail: { error } });
  });

  test('an aborted booking says nothing more', async () => {
    const s = stand(FORM, { createBooking: refuse('aborted') });
    await submit(s.host, {});
    assert.deepEqual(
      [s.states.length, s.signals.map((signal) => signal.type), s.notices],
      [1, ['form-submitted', 'booking-requested'], []],
    );
  });
});
