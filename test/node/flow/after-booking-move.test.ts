import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { confirmMove, openManage } from '../../../src/flow/after-booking.ts';
import type { FlowState } from '../../../src/flow/state.ts';
import type { Booking } from '../../../src/schemas/index.ts';
import { CHOOSE, SLOT, booked, refuse, stand } from './journey-stand.ts';

/**
 * after-booking.ts moving a booking and opening one to manage, against a stand-in host and
 * client: what the move sends, which booking it ends on, the banner, each refusal, and a manage
 * link the API refuses (issue 17's survivors). The other actions: after-booking-edges.
 */

const EVENT = { start: '2026-12-04T09:00:00+01:00', end: '2026-12-04T09:30:00+01:00' };
const BOOKING = booked({ attributes: { event_info: EVENT } } as Partial<Booking>);
const PICKER = {
  month: '2026-12',
  date: '2026-12-05',
  dates: { status: 'idle' },
  slots: { status: 'idle' },
} as const;
const MOVING: Extract<FlowState, { step: 'rescheduling' }> = {
  step: 'rescheduling',
  booking: BOOKING,
  picker: PICKER,
  pendingMove: SLOT,
  busy: false,
};
const BANNER = {
  kind: 'moved',
  from: EVENT,
  to: { start: '2026-12-05T10:00:00+01:00', end: '2026-12-05T10:30:00+01:00' },
};

/** A call's name, its first arguments and the booking's key and signal it was sent with. */
const sent = (call?: { name: string; args: unknown[] }) => {
  const access = call?.args.at(-1) as { customerToken?: string; signal?: unknown } | undefined;
  return {
    call: [call?.name, ...(call?.args.slice(0, -1) ?? [])],
    token: access?.customerToken,
    signalled: access?.signal instanceof AbortSignal,
  };
};
const RESCHEDULE = {
  call: [
    'reschedule',
    'bk_1',
    { start: '2026-12-05T10:00:00+01:00', end: '2026-12-05T10:30:00+01:00', resource_id: 'res_1' },
  ],
  token: 'tok_1',
  signalled: true,
};

describe('confirmMove: the pending time, then the booking it moved to', () => {
  test('moved in place: the same booking, the banner from the old time to the new', async () => {
    const moved = booked({ id: 'bk_1', state: 'confirmed' });
    const s = stand(MOVING, { reschedule: async () => moved }, { token: 'tok_1' });
    await confirmMove(s.host);
    assert.deepEqual(s.calls.map(sent), [RESCHEDULE]);
    assert.deepEqual(s.states, [
      { ...MOVING, busy: true },
      { step: 'manage', booking: moved, busy: false, banner: BANNER },
    ]);
    assert.deepEqual(s.signals, [
      { type: 'booking-rescheduled', detail: { booking: moved, rescheduledTo: 'bk_1' } },
    ]);
    assert.deepEqual(s.cues, [{ kind: 'moved', slot: SLOT }]);
    assert.deepEqual(s.reloads, []);
  });

  test('moved to a new booking: that one is fetched and shown', async () => {
    const old = booked({ state: 'rescheduled_by_customer', related: { rescheduled_to: 'bk_2' } });
    const fresh = booked({ id: 'bk_2', state: 'confirmed' });
    const s = stand(
      MOVING,
      { reschedule: async () => old, getBooking: async () => fresh },
      { token: 'tok_1' },
    );
    await confirmMove(s.host);
    assert.deepEqual(s.calls.map(sent), [
      RESCHEDULE,
      { call: ['getBooking', 'bk_2'], token: 'tok_1', signalled: true },
    ]);
    assert.deepEqual(s.states.at(-1), {
      step: 'manage',
      booking: fresh,
      busy: false,
      banner: BANNER,
    });
    assert.deepEqual(s.signals, [
      { type: 'booking-rescheduled', detail: { booking: fresh, rescheduledTo: 'bk_2' } },
    ]);
  });

  test('related without a new booking, or an old booking without a time: no fetch, no banner', async () => {
    const moved = booked({ id: 'bk_9', related: {} } as Partial<Booking>);
    const s = stand(
      { ...MOVING, booking: booked({ attributes: {} } as Partial<Booking>) },
      { reschedule: async () => moved },
    );
    await confirmMove(s.host);
    assert.deepEqual(
      s.calls.map(({ name }) => name),
      ['reschedule'],
    );
    assert.deepEqual(s.states.at(-1), { step: 'manage', booking: moved, busy: false });
    assert.deepEqual(s.signals, [
      { type: 'booking-rescheduled', detail: { booking: moved, rescheduledTo: 'bk_9' } },
    ]);
  });

  test('nothing pending, busy, or another step: sends nothing', async () => {
    for (const start of [
      { ...MOVING, pendingMove: undefined },
      { ...MOVING, busy: true },
      CHOOSE,
    ] as FlowState[]) {
      const s = stand(start, { reschedule: async () => BOOKING });
      await confirmMove(s.host);
      assert.deepEqual([s.calls, s.states, s.signals], [[], [], []], start.step);
    }
  });

  test('a refused move: told on the picker, the pending time dropped, the times asked again', async () => {
    const s = stand(
      { ...MOVING, notice: { kind: 'slot-taken' } },
      { reschedule: refuse('slot_unavailable') },
    );
    await confirmMove(s.host);
    const problem = { code: 'slot_unavailable', message: 'slot_unavailable message' };
    assert.deepEqual(s.states.at(-1), {
      ...MOVING,
      busy: false,
      pendingMove: undefined,
      notice: { kind: 'problem', problem },
    });
    assert.deepEqual(s.signals, [{ type: 'error', detail: { error: problem } }]);
    assert.deepEqual(s.reloads, [2]);
    assert.deepEqual(s.cues, []);
  });

  test('a refused fetch of the new booking is a refused move', async () => {
    const old = booked({ related: { rescheduled_to: 'bk_2' } });
    const s = stand(MOVING, { reschedule: async () => old, getBooking: refuse('not_found') });
    await confirmMove(s.host);
    assert.deepEqual(
      s.signals.map((signal) => signal.type),
      ['error'],
    );
    assert.deepEqual(s.reloads, [2]);
  });

  test('an aborted move says nothing and asks nothing again', async () => {
    const s = stand(MOVING, { reschedule: refuse('aborted') });
    await confirmMove(s.host);
    assert.deepEqual([s.states, s.signals, s.reloads], [[{ ...MOVING, busy: true }], [], []]);
  });
});

describe('openManage: the booking, or why not', () => {
  test('opened with its key; cancellable until the class says', async () => {
    const s = stand(CHOOSE, { getBooking: async () => BOOKING }, { token: 'tok_1', until: 'T' });
    await openManage(s.host, 'bk_1');
    assert.deepEqual(s.calls.map(sent), [
      { call: ['getBooking', 'bk_1'], token: 'tok_1', signalled: true },
    ]);
    assert.deepEqual(s.states, [
      { step: 'manage', booking: BOOKING, busy: false, cancellableUntil: 'T' },
    ]);
    assert.deepEqual(s.signals, []);
  });

  test('no deadline: none written', async () => {
    const s = stand(CHOOSE, { getBooking: async () => BOOKING });
    await openManage(s.host, 'bk_1');
    assert.deepEqual(s.states, [{ step: 'manage', booking: BOOKING, busy: false }]);
  });

  test('an aborted load says nothing', async () => {
    const s = stand(CHOOSE, { getBooking: refuse('aborted') });
    let asked = 0;
    s.host.linkRefused = () => (asked++, true);
    await openManage(s.host, 'bk_1');
    assert.deepEqual([s.states, s.signals, asked], [[], [], 0]);
  });

  for (const code of ['not_found', 'unauthorized', 'forbidden', 'validation_failed']) {
    test(`${code} from a manage link: the link's refusal, nothing on the manage step`, async () => {
      const s = stand(CHOOSE, { getBooking: refuse(code) });
      let asked = 0;
      s.host.linkRefused = () => (asked++, true);
      await openManage(s.host, 'bk_1');
      assert.deepEqual([s.states, s.signals, asked], [[], [], 1]);
    });

    test(`${code} not from a link: the error on the manage step`, async () => {
      const s = stand(CHOOSE, { getBooking: refuse(code) });
      await openManage(s.host, 'bk_1');
      const error = { code, message: `${code} message` };
      assert.deepEqual(s.states, [{ step: 'manage', booking: undefined, busy: false, error }]);
      assert.deepEqual(s.signals, [{ type: 'error', detail: { error } }]);
    });
  }

  test('a network failure is no refusal of the link: the error on the manage step', async () => {
    const s = stand(CHOOSE, { getBooking: refuse('network') });
    let asked = 0;
    s.host.linkRefused = () => (asked++, true);
    await openManage(s.host, 'bk_1');
    const error = { code: 'network', message: 'network message' };
    assert.deepEqual(s.states, [{ step: 'manage', booking: undefined, busy: false, error }]);
    assert.deepEqual(s.signals, [{ type: 'error', detail: { error } }]);
    assert.equal(asked, 0);
  });
});
