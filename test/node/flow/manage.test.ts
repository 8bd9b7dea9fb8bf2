import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO_KEYS, OWNER } from '../../../src/engine/index.ts';
import { CUSTOMER, at, firstSlot, mock, startFlow, useMockServer } from './helpers.ts';

/** An existing booking, opened by id and token: cancel it, or move it to another time. */
useMockServer();
const PUBLIC_BARBER = { role: 'public', projectId: 'proj_barber' } as const;

function barberBooking() {
  const [slot] = mock.api.engine.availability({}, PUBLIC_BARBER);
  return mock.api.engine.createBooking(
    {
      graph: 'instant',
      project_id: 'proj_barber',
      event: { start: slot!.start, end: slot!.end, what: 'Haircut', resource_id: 'res_barber' },
      customer: { ...CUSTOMER },
    },
    PUBLIC_BARBER,
  );
}

describe('BookingFlow: manage', () => {
  test('cancels with a message', async () => {
    const booking = barberBooking();
    const run = startFlow(DEMO_KEYS.barber, {
      projectId: 'proj_barber',
      bookingId: booking.id,
      customerToken: booking.customer_token!,
    });
    const open = await run.until((state) => state.step === 'manage' && state.booking !== undefined);
    assert.equal(open.step === 'manage' && open.booking?.state, 'confirmed');
    await run.flow.cancel('Sorry, Doc');
    const done = await run.until(at('manage'));
    assert.equal(done.booking?.state, 'cancelled_by_customer');
    assert.deepEqual(run.signals, ['booking-cancelled']);
    assert.ok(
      mock.api.engine.outbox().some((mail) => mail.body.includes('Sorry, Doc')),
      `mock.api.engine.outbox().some((mail) => mail.body.includes('Sorry, Doc'))`,
    );
  });

  test('reschedules: pick, confirm, the booking moved', async () => {
    const booking = barberBooking();
    const run = startFlow(DEMO_KEYS.barber, {
      projectId: 'proj_barber',
      bookingId: booking.id,
      customerToken: booking.customer_token!,
    });
    await run.until((state) => state.step === 'manage' && state.booking !== undefined);
    run.flow.startReschedule();
    assert.equal(run.flow.state.step, 'rescheduling');
    const slot = await firstSlot(run);
    await run.flow.selectSlot(slot);
    const pending = await run.until(at('rescheduling'));
    assert.equal(pending.pendingMove, slot);
    assert.equal(run.cues.at(-1), 'move-pending');
    await run.flow.confirmMove();
    const moved = await run.until(at('manage'));
    assert.equal(mock.api.engine.getBooking(booking.id, OWNER).state, 'rescheduled_by_customer');
    assert.notEqual(moved.booking?.id, booking.id);
    assert.equal(Date.parse(moved.booking!.attributes.event_info!.start), Date.parse(slot.start));
    assert.equal(run.signals.at(-1), 'booking-rescheduled');
  });

  test('a move to a time taken meanwhile is refused, the visitor told, still rescheduling', async () => {
    const booking = barberBooking();
    const run = startFlow(DEMO_KEYS.barber, {
      projectId: 'proj_barber',
      bookingId: booking.id,
      customerToken: booking.customer_token!,
    });
    await run.until((state) => state.step === 'manage' && state.booking !== undefined);
    run.flow.startReschedule();
    const slot = await firstSlot(run);
    await run.flow.selectSlot(slot);
    mock.api.engine.reserve({ resource_id: 'res_barber', start: slot.start, end: slot.end }, OWNER);
    await run.flow.confirmMove();
    const state = await run.until((s) => s.step === 'rescheduling' && !s.busy && !!s.notice);
    assert.ok(
      state.step === 'rescheduling' && state.notice?.kind === 'problem',
      `state.step === 'rescheduling' && state.notice?.kind === 'problem'`,
    );
    assert.equal(state.step === 'rescheduling' && state.pendingMove, undefined);
    assert.equal(mock.api.engine.getBooking(booking.id, OWNER).state, 'confirmed');
    run.flow.manage();
    assert.equal(run.flow.state.step, 'manage');
  });

  test('a wrong token is an error on the manage step, not a crash', async () => {
    const booking = barberBooking();
    const run = startFlow(DEMO_KEYS.barber, {
      projectId: 'proj_barber',
      bookingId: booking.id,
      customerToken: 'not-the-token',
    });
    const state = await run.until((s) => s.step === 'manage' && !s.busy);
    assert.ok(
      state.step === 'manage' && state.error && !state.booking,
      `state.step === 'manage' && state.error && !state.booking`,
    );
    assert.deepEqual(run.signals, ['error']);
  });

  test('after a result: manage it, or book another from the chooser', async () => {
    const run = startFlow(DEMO_KEYS.barber, { projectId: 'proj_barber' });
    await run.flow.selectSlot(await firstSlot(run));
    await run.until(at('details'));
    await run.flow.submit({ ...CUSTOMER });
    await run.until(at('result'));
    run.flow.manage();
    assert.equal(run.flow.state.step, 'manage');
    const again = startFlow(DEMO_KEYS.barber, { projectId: 'proj_barber' });
    await again.flow.selectSlot(await firstSlot(again));
    await again.until(at('details'));
    await again.flow.submit({ ...CUSTOMER, email: 'other@example.test' });
    await again.until(at('result'));
    again.flow.bookAnother();
    assert.equal(again.flow.state.step, 'choose');
  });
});
