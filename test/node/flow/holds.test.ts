import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { http, HttpResponse } from 'msw';
import { DEMO_KEYS, OWNER } from '../../../src/engine/index.ts';
import {
  CUSTOMER,
  at,
  clock,
  firstClass,
  firstSlot,
  mock,
  startFlow,
  timesReady,
  useMockServer,
} from './helpers.ts';

/** Holds running out, races for the last seat or time, failures and retries. */
useMockServer();
const MINUTE = 60_000;

describe('BookingFlow: holds, races and failures', () => {
  test('a hold that expires sends the visitor back, saying why, keeping what was typed', async () => {
    const run = startFlow(DEMO_KEYS.yoga, { projectId: 'proj_yoga' });
    await run.flow.selectClass(await firstClass(run), 3);
    const details = await run.until(at('details'));
    clock.advance(10 * MINUTE + 1000);
    await run.flow.refresh();
    // The countdown sees the new expiry and says so; the flow follows.
    run.flow.holdExpired({ name: 'Lorraine Baines' });
    const back = await run.until(at('choose'));
    assert.deepEqual(back.notice, { kind: 'hold-expired' });
    assert.equal(run.signals.includes('details-closed'), true);
    assert.equal(mock.api.engine.getHold(details.hold.id).state, 'expired');
    await run.flow.selectClass(await firstClass(run), 1);
    const again = await run.until(at('details'));
    assert.deepEqual(again.values, { name: 'Lorraine Baines' });
  });

  test('a submit after the hold ran out is refused and goes back to the chooser', async () => {
    const run = startFlow(DEMO_KEYS.barber, { projectId: 'proj_barber' });
    await run.flow.selectSlot(await firstSlot(run));
    await run.until(at('details'));
    clock.advance(11 * MINUTE);
    await run.flow.submit({ ...CUSTOMER });
    const back = await run.until(at('choose'));
    assert.deepEqual(back.notice, { kind: 'hold-expired' });
    assert.ok(run.signals.includes('booking-failed'), `run.signals.includes('booking-failed')`);
  });

  test('the payment window ending unpaid is followed on refresh', async () => {
    const run = startFlow(DEMO_KEYS.paidSession, { projectId: 'proj_paid_session' });
    await run.flow.selectSlot(await firstSlot(run));
    await run.until(at('details'));
    await run.flow.submit({ ...CUSTOMER });
    await run.until(at('payment'));
    clock.advance(11 * MINUTE);
    await run.flow.refresh();
    assert.deepEqual((await run.until(at('choose'))).notice, { kind: 'payment-expired' });
  });

  test('leaving the payment step frees the time and the seats at once, not when the window ends', async () => {
    const single = startFlow(DEMO_KEYS.paidSession, { projectId: 'proj_paid_session' });
    await single.flow.selectSlot(await firstSlot(single));
    await single.until(at('details'));
    await single.flow.submit({ ...CUSTOMER });
    const payment = await single.until(at('payment'));
    await single.flow.leavePayment();
    assert.equal(mock.api.engine.getBooking(payment.booking.id, OWNER).state, 'unpaid');

    const group = startFlow(DEMO_KEYS.paidClass, { projectId: 'proj_paid_class' });
    const chosen = await firstClass(group);
    const seatsBefore = mock.api.engine.getGroup(chosen.id).attributes.group_booking.current_seats;
    await group.flow.selectClass(chosen, 2);
    await group.until(at('details'));
    await group.flow.submit({ ...CUSTOMER });
    const paying = await group.until(at('payment'));
    await group.flow.leavePayment();
    assert.equal(mock.api.engine.getBooking(paying.booking.id, OWNER).state, 'unpaid');
    const seatsAfter = mock.api.engine.getGroup(chosen.id).attributes.group_booking.current_seats;
    assert.equal(seatsAfter, seatsBefore);
  });

  test('back gives the time back at once; extend adds time once', async () => {
    const run = startFlow(DEMO_KEYS.barber, { projectId: 'proj_barber' });
    await run.flow.selectSlot(await firstSlot(run));
    const details = await run.until(at('details'));
    await run.flow.extendHold();
    const extended = await run.until((state) => state.step === 'details' && state.hold.extended);
    assert.ok(
      extended.step === 'details' && extended.hold.expires_at > details.hold.expires_at,
      `extended.step === 'details' && extended.hold.expires_at > details.hold.expires_at`,
    );
    await run.flow.back({ name: 'Marty' });
    assert.equal(mock.api.engine.getHold(details.hold.id).state, 'released');
    assert.equal(run.flow.state.step, 'choose');
  });

  test('a time someone else took meanwhile: refused, the visitor told, the times reloaded', async () => {
    const run = startFlow(DEMO_KEYS.barber, { projectId: 'proj_barber' });
    const slot = await firstSlot(run);
    mock.api.engine.reserve({ resource_id: 'res_barber', start: slot.start, end: slot.end }, OWNER);
    const loadsBefore = run.signals.filter((type) => type === 'availability-loading').length;
    await run.flow.selectSlot(slot);
    const state = await run.until(timesReady);
    assert.deepEqual(state.notice, { kind: 'slot-taken' });
    assert.equal(state.busy, false);
    assert.equal(
      run.signals.filter((type) => type === 'availability-loading').length,
      loadsBefore + 1,
    );
    assert.ok(run.signals.includes('error'), `run.signals.includes('error')`);
  });

  test('a double click holds once', async () => {
    const run = startFlow(DEMO_KEYS.barber, { projectId: 'proj_barber' });
    const slot = await firstSlot(run);
    await Promise.all([run.flow.selectSlot(slot), run.flow.selectSlot(slot)]);
    await run.until(at('details'));
    assert.equal(run.signals.filter((type) => type === 'hold-created').length, 1);
  });

  test('the held seats stay the visitor\u2019s while others buy the rest', async () => {
    const run = startFlow(DEMO_KEYS.yoga, { projectId: 'proj_yoga' });
    const group = await firstClass(run);
    await run.flow.selectClass(group, 2);
    await run.until(at('details'));
    const left = mock.api.engine.getGroup(group.id).attributes.group_booking.seats_left;
    mock.api.engine.createBooking(
      {
        graph: 'group_customer',
        related: { owner_booking_id: group.id, seats: left },
        customer: { name: 'Crowd', email: 'crowd@example.test' },
      },
      OWNER,
    );
    await run.flow.submit({ ...CUSTOMER });
    assert.equal((await run.until(at('result'))).booking.state, 'confirmed');
  });

  test('sold out at the last moment: back to the classes, saying the class is full', async () => {
    const run = startFlow(DEMO_KEYS.yoga, { projectId: 'proj_yoga' });
    await run.flow.selectClass(await firstClass(run), 1);
    await run.until(at('details'));
    mock.server.use(
      http.post('*/v2/bookings', () =>
        HttpResponse.json(
          { error: { status: 409, code: 'sold_out', message: 'Sold out' } },
          { status: 409 },
        ),
      ),
    );
    await run.flow.submit({ ...CUSTOMER });
    assert.deepEqual((await run.until(at('choose'))).notice, { kind: 'class-full' });
    assert.deepEqual(run.cues.at(-1), 'notice');
  });

  test('a failing API keeps the form with the error; the retry books once', async () => {
    const run = startFlow(DEMO_KEYS.yoga, { projectId: 'proj_yoga' });
    await run.flow.selectClass(await firstClass(run), 1);
    await run.until(at('details'));
    mock.server.use(
      http.post('*/v2/bookings', () =>
        HttpResponse.json(
          { error: { status: 503, code: 'unavailable', message: 'Down for maintenance' } },
          { status: 503 },
        ),
      ),
    );
    await run.flow.submit({ ...CUSTOMER });
    const failed = await run.until(at('details'));
    assert.equal(failed.error?.message, 'Down for maintenance');
    assert.equal(failed.submitting, false);
    mock.server.resetHandlers();
    await run.flow.submit({ ...CUSTOMER });
    await run.until(at('result'));
    assert.equal(mock.api.engine.listBookings({ graph: ['group_customer'] }, OWNER).length, 1);
  });

  test('the API refusing a field shows it on the field', async () => {
    const run = startFlow(DEMO_KEYS.barber, { projectId: 'proj_barber' });
    await run.flow.selectSlot(await firstSlot(run));
    await run.until(at('details'));
    await run.flow.submit({ name: 'Marty', email: 'not an email' });
    const state = await run.until((s) => s.step === 'details' && s.fieldErrors.length > 0);
    assert.ok(
      state.step === 'details' && state.fieldErrors.some((e) => e.path.includes('email')),
      `state.step === 'details' && state.fieldErrors.some((e) => e.path.includes('email'))`,
    );
  });

  test('a failed load is an error with a retry, not an empty list', async () => {
    mock.server.use(http.get('*/v2/bookings/groups', () => HttpResponse.error(), { once: true }));
    const run = startFlow(DEMO_KEYS.yoga, { projectId: 'proj_yoga' });
    const failed = await run.until(
      (state) =>
        state.step === 'choose' && state.chooser === 'classes' && state.classes.status === 'error',
    );
    assert.ok(
      failed.step === 'choose' && failed.chooser === 'classes',
      `failed.step === 'choose' && failed.chooser === 'classes'`,
    );
    assert.deepEqual(run.signals.slice(-3), ['classes-loading', 'classes-failed', 'error']);
    await run.flow.retry();
    await firstClass(run);
  });
});

describe('BookingFlow: configuration', () => {
  test('an unknown project names project-id; a refused key names app-key', async () => {
    const unknown = startFlow(DEMO_KEYS.owner, { projectId: 'proj_nope' });
    const state = await unknown.until(at('misconfigured'));
    assert.equal(state.problems[0]?.setting, 'project-id');
    const refused = startFlow('nope', { projectId: 'proj_yoga' });
    assert.equal((await refused.until(at('misconfigured'))).problems[0]?.setting, 'app-key');
  });

  test('an unreachable API fails with a retry that starts again', async () => {
    mock.server.use(
      http.get('*/v2/projects/embed/:id', () => HttpResponse.error(), { once: true }),
    );
    const run = startFlow(DEMO_KEYS.barber, { projectId: 'proj_barber' });
    assert.equal((await run.until(at('failed'))).error.code, 'network_error');
    await run.flow.retry();
    await run.until(timesReady);
  });
});
