import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AvailableSlot, Booking, Group } from '../../../src/schemas/index.ts';
import { choosing, flowStand, type FlowStand, HOLD, never } from './flow-stand.ts';

/**
 * BookingFlow's own intents over a stand-in client: choosing (a time, a class, a time to move
 * to), the ways back to the chooser, and the manage view and its deadline, each
 * with its guard against a second press or the wrong step (issue 17's survivors in flow.ts).
 */

const SLOT = {
  start: '2026-12-05T10:00:00+01:00',
  end: '2026-12-05T10:30:00+01:00',
  resources: [{ id: 'res_1', name: 'Doc' }],
} as AvailableSlot;
const GROUP = {
  id: 'grp_1',
  attributes: { group_booking: { max_seats: 4, cancellable_until: 'G' } },
} as Group;
const booked = (patch: object = {}) =>
  ({
    id: 'bk_1',
    graph: 'instant',
    state: 'confirmed',
    attributes: {},
    ...patch,
  }) as Booking;
const kinds = (s: FlowStand) => s.signals.map(({ type }) => type);
/** The step on screen (a function: an assertion on the getter would narrow it for good). */
const stepOf = (s: FlowStand) => s.flow.state.step;
/** What the form (the booking's or the waitlist's) on screen holds. */
const valuesOf = (s: FlowStand) => {
  const state = s.flow.state;
  return state.step === 'details' || state.step === 'waitlist' ? state.values : state.step;
};

/** The flow on the form under HOLD, `values` typed so far. */
async function onForm(s: FlowStand) {
  await s.flow.start();
  await s.flow.selectSlot(SLOT);
  assert.equal(stepOf(s), 'details');
}

/** The flow on a booking's manage step (by its id and token). */
async function managing(booking = booked()) {
  const s = flowStand(
    { getBooking: async () => booking, availabilityDates: never },
    { bookingId: booking.id, customerToken: 'tok' },
  );
  await s.flow.start();
  return s;
}

describe('verify: the code e-mailed to the visitor', () => {
  test("sent, trimmed, with the booking's token; the verified booking is the result", async () => {
    const waiting = booked({ state: 'awaiting_verification', customer_token: 'tok_1' });
    const verified = booked();
    const s = flowStand({
      reserve: async () => HOLD,
      createBooking: async () => waiting,
      performAction: async () => verified,
    });
    await onForm(s);
    await s.flow.submit({ name: 'Ada', email: 'a@b.c' });
    assert.deepEqual(s.flow.state, { step: 'verify', booking: waiting, busy: false });
    await s.flow.verify(' 123456 ');
    const [id, action, body, access] = s.called('performAction')[0] ?? [];
    assert.deepEqual([id, action, body], ['bk_1', 'verify', { verify: { code: '123456' } }]);
    assert.equal((access as { customerToken?: string }).customerToken, 'tok_1');
    assert.deepEqual(s.flow.state, { step: 'result', booking: verified });
  });
});

describe('selectSlot and selectClass: what is held', () => {
  test("a time: chosen, held with its resource and the project's id", async () => {
    const s = flowStand({ reserve: async () => HOLD }, { projectId: 'proj_1' });
    await onForm(s);
    assert.deepEqual(s.called('reserve')[0]?.[0], {
      resource_id: 'res_1',
      start: SLOT.start,
      end: SLOT.end,
      project_id: 'proj_1',
    });
    assert.deepEqual(kinds(s).slice(1), ['slot-chosen', 'hold-created']);
    assert.deepEqual(s.signals[1]?.detail, { slot: SLOT });
  });

  test('no project, no resource: neither sent', async () => {
    const s = flowStand({ reserve: never });
    await s.flow.start();
    void s.flow.selectSlot({ ...SLOT, resources: [] });
    await new Promise((done) => setImmediate(done));
    assert.deepEqual(s.called('reserve')[0]?.[0], {
      resource_id: '',
      start: SLOT.start,
      end: SLOT.end,
    });
  });

  test('a second press while holding asks nothing more', async () => {
    const s = flowStand({ reserve: never }, { graph: 'group_customer' });
    await s.flow.start();
    void s.flow.selectSlot(SLOT);
    await new Promise((done) => setImmediate(done));
    const signals = s.signals.length;
    await s.flow.selectSlot(SLOT);
    await s.flow.selectClass(GROUP, 2);
    assert.deepEqual([s.called('reserve').length, s.signals.length], [1, signals]);
  });

  test('a class: its seats held', async () => {
    const s = flowStand({ reserve: never }, { graph: 'group_customer' });
    await s.flow.start();
    void s.flow.selectClass(GROUP, 2);
    await new Promise((done) => setImmediate(done));
    assert.deepEqual(s.called('reserve')[0]?.[0], {
      related: { owner_booking_id: 'grp_1' },
      seats: 2,
    });
  });

  test('not on a chooser: nothing chosen', async () => {
    const s = await managing();
    await s.flow.selectSlot(SLOT);
    await s.flow.selectClass(GROUP, 1);
    assert.deepEqual([kinds(s), s.called('reserve')], [[], []]);
  });
});

describe('holdExpired and back: to the chooser, keeping what was typed', () => {
  test('the hold ended on the form: what was typed comes back on the next form', async () => {
    const s = flowStand({ reserve: async () => HOLD });
    await onForm(s);
    const typed = { name: 'Ada' };
    s.flow.holdExpired(typed);
    typed.name = 'changed later';
    const notice = { kind: 'hold-expired' };
    assert.deepEqual(s.flow.state, choosing('2026-12', notice));
    assert.deepEqual(kinds(s).slice(-2), ['details-closed', 'availability-loading']);
    assert.deepEqual(s.cues.at(-1), { kind: 'notice', notice });
    await s.flow.selectSlot(SLOT);
    assert.deepEqual(valuesOf(s), { name: 'Ada' });
  });

  test('the payment window ended: payment-expired', async () => {
    const tentative = booked({ graph: 'instant_payment', state: 'tentative' });
    const s = flowStand({
      reserve: async () => HOLD,
      createBooking: async () => tentative,
    });
    await onForm(s);
    await s.flow.submit({ name: 'Ada', email: 'a@b.c' });
    assert.equal(stepOf(s), 'payment');
    s.flow.holdExpired({ name: 'not kept' });
    assert.deepEqual(s.flow.state, choosing('2026-12', { kind: 'payment-expired' }));
    await s.flow.selectSlot(SLOT);
    assert.deepEqual(valuesOf(s), {});
  });

  test('elsewhere, or no values: nothing closes, nothing is lost', async () => {
    const s = await managing();
    s.flow.holdExpired({ name: 'x' });
    await s.flow.back({ name: 'x' });
    assert.deepEqual([s.flow.state.step, kinds(s)], ['manage', []]);
    const form = flowStand(
      { reserve: async () => HOLD, releaseHold: async () => HOLD },
      { prefill: { name: 'P' } },
    );
    await onForm(form);
    form.flow.holdExpired();
    await form.flow.selectSlot(SLOT);
    await form.flow.back();
    await form.flow.selectSlot(SLOT);
    assert.deepEqual(valuesOf(form), { name: 'P' });
  });

  test('back from the form: closed, the hold released, the typed values kept', async () => {
    const s = flowStand({
      reserve: async () => HOLD,
      releaseHold: () => Promise.reject(new Error('x')),
    });
    await onForm(s);
    const typed = { name: 'Bo' };
    await s.flow.back(typed);
    typed.name = 'changed later';
    assert.deepEqual(s.called('releaseHold'), [['hold_1']]);
    assert.deepEqual(s.flow.state, choosing('2026-12'));
    assert.deepEqual(kinds(s).slice(-2), ['details-closed', 'availability-loading']);
    await s.flow.selectSlot(SLOT);
    assert.deepEqual(valuesOf(s), { name: 'Bo' });
  });

  test('back from the waitlist form keeps what was typed; from its confirmation, nothing to keep', async () => {
    const entry = { id: 'wl_1' };
    const s = flowStand(
      { reserve: async () => HOLD, joinWaitlist: async () => entry as never },
      { graph: 'group_customer' },
    );
    await s.flow.start();
    await s.flow.openWaitlist(GROUP, 1);
    assert.equal(stepOf(s), 'waitlist');
    const typed = { name: 'Cy' };
    await s.flow.back(typed);
    typed.name = 'changed later';
    assert.equal(stepOf(s), 'choose');
    await s.flow.openWaitlist(GROUP, 1);
    assert.deepEqual(valuesOf(s), { name: 'Cy' });
    await s.flow.joinWaitlist({ name: 'Cy', email: 'c@d.e' });
    assert.equal(stepOf(s), 'waitlisted');
    await s.flow.back({ name: 'not kept' });
    assert.equal(stepOf(s), 'choose');
    await s.flow.openWaitlist(GROUP, 1);
    assert.deepEqual(valuesOf(s), {
      name: 'Cy',
      email: 'c@d.e',
    });
    assert.deepEqual(s.called('releaseHold'), []);
  });
});

describe('manage, rescheduling and another booking', () => {
  test('startReschedule: a fresh picker on this month, the times asked for', async () => {
    const s = await managing();
    s.flow.showMonth('2027-03');
    s.flow.startReschedule();
    assert.deepEqual(s.flow.state, {
      step: 'rescheduling',
      booking: booked(),
      picker: {
        month: '2026-12',
        date: undefined,
        dates: { status: 'loading' },
        slots: { status: 'idle' },
      },
      pendingMove: undefined,
      busy: false,
    });
    assert.equal(s.called('availabilityDates').length, 1);
    await s.flow.selectSlot(SLOT);
    assert.deepEqual(s.flow.state.step === 'rescheduling' && s.flow.state.pendingMove, SLOT);
    assert.deepEqual(s.cues.at(-1), { kind: 'move-pending', slot: SLOT });
    assert.deepEqual(kinds(s).at(-1), 'slot-chosen');
    s.flow.manage();
    assert.deepEqual(s.flow.state, {
      step: 'manage',
      booking: booked(),
      busy: false,
    });
  });

  test('startReschedule: not while the booking loads, nor without one', async () => {
    const loading = flowStand({ getBooking: never }, { bookingId: 'bk_1', customerToken: 't' });
    await Promise.race([loading.flow.start(), new Promise((done) => setImmediate(done))]);
    loading.flow.startReschedule();
    assert.equal(stepOf(loading), 'manage');
    const s = await managing();
    s.flow.bookAnother();
    s.flow.startReschedule();
    assert.equal(stepOf(s), 'choose');
    const refused = flowStand(
      { getBooking: () => Promise.reject({ code: 'not_found', message: 'gone' }) },
      { bookingId: 'bk_1', customerToken: 't' },
    );
    await refused.flow.start();
    refused.flow.startReschedule();
    assert.deepEqual(refused.flow.state, {
      step: 'manage',
      booking: undefined,
      busy: false,
      error: { code: 'not_found', message: 'gone' },
    });
  });

  test('a busy manage step is not left for the picker', async () => {
    const s = flowStand(
      { getBooking: async () => booked(), performAction: never },
      { bookingId: 'bk_1', customerToken: 'tok' },
    );
    await s.flow.start();
    void s.flow.cancel('');
    await new Promise((done) => setImmediate(done));
    assert.deepEqual(s.flow.state.step === 'manage' && s.flow.state.busy, true);
    s.flow.startReschedule();
    assert.equal(stepOf(s), 'manage');
  });

  for (const [what, booking, held, until] of [
    [
      "the booking's own deadline",
      booked({ attributes: { group_booking: { cancellable_until: 'B' } } }),
      true,
      'B',
    ],
    ['the held class’s deadline', booked({ related: { owner_booking_id: 'grp_1' } }), true, 'G'],
    ['another class: none', booked({ related: { owner_booking_id: 'grp_2' } }), true, undefined],
    ['no class held: none', booked({ related: { owner_booking_id: 'grp_1' } }), false, undefined],
  ] as const) {
    test(`the result and manage view: ${what}`, async () => {
      const s = flowStand(
        { reserve: async () => HOLD, createBooking: async () => booking },
        { graph: 'group_customer' },
      );
      await s.flow.start();
      await (held ? s.flow.selectClass(GROUP, 1) : s.flow.selectSlot(SLOT));
      await s.flow.submit({ name: 'Ada', email: 'a@b.c' });
      const deadline = until ? { cancellableUntil: until } : {};
      assert.deepEqual(s.flow.state, { step: 'result', booking, ...deadline });
      s.flow.manage();
      assert.deepEqual(s.flow.state, {
        step: 'manage',
        booking,
        busy: false,
        ...deadline,
      });
    });
  }

  test('manage: from a result or a move only', async () => {
    const s = flowStand();
    await s.flow.start();
    const before = s.flow.state;
    s.flow.manage();
    assert.equal(s.flow.state, before);
  });

  test('bookAnother: from a result or a manage view only, on this month', async () => {
    const s = await managing();
    s.flow.startReschedule();
    s.flow.showMonth('2027-03');
    s.flow.bookAnother();
    assert.equal(stepOf(s), 'rescheduling');
    s.flow.manage();
    s.flow.bookAnother();
    assert.deepEqual(s.flow.state, choosing('2026-12'));
  });
});
