import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO_KEYS, OWNER } from '../../../src/engine/index.ts';
import { testPayment } from '../../../src/flow/index.ts';
import {
  CUSTOMER,
  at,
  firstClass,
  firstSlot,
  mock,
  startFlow,
  timesReady,
  useMockServer,
} from './helpers.ts';

/** Every bookable graph's path through the flow, from the project's config to the result. */
useMockServer();

describe('BookingFlow: every graph, start to finish', () => {
  test('instant: choose a day and a time, hold, book, confirmed; signals in order', async () => {
    const run = startFlow(DEMO_KEYS.barber, { projectId: 'proj_barber' });
    assert.equal(run.flow.state.step, 'loading');
    const slot = await firstSlot(run);
    await run.flow.selectSlot(slot);
    const details = await run.until(at('details'));
    assert.equal(details.held.kind, 'slot');
    assert.equal(details.hold.state, 'reserved');
    await run.flow.submit({ ...CUSTOMER });
    const result = await run.until(at('result'));
    assert.equal(result.booking.state, 'confirmed');
    assert.deepEqual(run.signals, [
      'availability-loading',
      'availability-loaded',
      'slot-chosen',
      'hold-created',
      'form-submitted',
      'booking-requested',
      'booking-created',
    ]);
    assert.deepEqual(run.cues, ['hold-created', 'result']);
    const [booking] = mock.api.engine.listBookings({ graph: ['instant'] }, OWNER);
    assert.equal(Date.parse(booking!.attributes.event_info!.start), Date.parse(slot.start));
    assert.equal(booking!.customers[0]!.timezone, 'America/New_York');
  });

  test('confirm_decline: the booking is requested (tentative)', async () => {
    const run = startFlow(DEMO_KEYS.consultant, { projectId: 'proj_consultant' });
    await run.flow.selectSlot(await firstSlot(run));
    await run.until(at('details'));
    await run.flow.submit({ ...CUSTOMER });
    assert.equal((await run.until(at('result'))).booking.state, 'tentative');
  });

  test('instant_payment: payment required, the test payment, paid', async () => {
    const run = startFlow(DEMO_KEYS.paidSession, { projectId: 'proj_paid_session' });
    await run.flow.selectSlot(await firstSlot(run));
    await run.until(at('details'));
    await run.flow.submit({ ...CUSTOMER });
    const payment = await run.until(at('payment'));
    assert.equal(payment.booking.state, 'tentative');
    assert.ok(run.signals.includes('payment-required'), `run.signals.includes('payment-required')`);
    await run.flow.pay(testPayment);
    assert.equal((await run.until(at('result'))).booking.state, 'paid');
    assert.equal(run.signals.at(-1), 'booking-paid');
  });

  test('group_customer: a class and two seats, booked', async () => {
    const run = startFlow(DEMO_KEYS.yoga, { projectId: 'proj_yoga' });
    const group = await firstClass(run);
    await run.flow.selectClass(group, 2);
    const details = await run.until(at('details'));
    assert.equal(details.hold.seats, 2);
    await run.flow.submit({ ...CUSTOMER });
    assert.equal((await run.until(at('result'))).booking.state, 'confirmed');
    assert.equal(mock.api.engine.getGroup(group.id).attributes.group_booking.current_seats, 2);
    assert.deepEqual(run.signals.slice(0, 2), ['classes-loading', 'classes-loaded']);
  });

  test('group_customer_payment: one seat, paid', async () => {
    const run = startFlow(DEMO_KEYS.paidClass, { projectId: 'proj_paid_class' });
    await run.flow.selectClass(await firstClass(run), 1);
    await run.until(at('details'));
    await run.flow.submit({ ...CUSTOMER });
    await run.until(at('payment'));
    await run.flow.pay(testPayment);
    assert.equal((await run.until(at('result'))).booking.state, 'paid');
  });

  test('"not asked yet" differs from "asked and empty"', async () => {
    const run = startFlow(DEMO_KEYS.barber, { projectId: 'proj_barber' });
    const first = await run.until(timesReady);
    assert.equal(first.chooser === 'times' && first.picker.slots.status, 'idle');
    // A month far beyond anything the barber offers: asked, and empty.
    run.flow.showMonth('2029-06');
    const empty = await run.until(
      (state) => timesReady(state) && state.chooser === 'times' && state.picker.month === '2029-06',
    );
    assert.ok(
      empty.step === 'choose' && empty.chooser === 'times',
      `empty.step === 'choose' && empty.chooser === 'times'`,
    );
    assert.deepEqual(empty.picker.dates, {
      status: 'ready',
      value: { dates: [], next: undefined },
    });
  });
});
