/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { DEMO_KEYS, ManualClock } from '../../src/engine/index.ts';
import { startMockWorker } from '../../src/mock/browser.ts';

const auth = (key: string) => ({
  Authorization: `Basic ${btoa(`:${key}`)}`,
  'Content-Type': 'application/json',
});

describe('the mock API in the browser (MSW service worker)', () => {
  const clock = new ManualClock('2026-11-26T12:00:00Z');
  let running: Awaited<ReturnType<typeof startMockWorker>>;

  before(async () => {
    running = await startMockWorker({ clock, seed: 'demo' });
  });
  after(() => running.worker.stop());

  it('serves availability, holds and bookings to fetch in the page, with the engine clock in Date', async () => {
    const slots = await fetch('/v2/availability', {
      method: 'POST',
      headers: auth(DEMO_KEYS.barber),
      body: '{}',
    });
    expect(slots.status).to.equal(200);
    expect(slots.headers.get('Timekit-TestMode')).to.equal('true');
    expect(slots.headers.get('Date')).to.equal('Thu, 26 Nov 2026 12:00:00 GMT');
    const [slot] = (await slots.json()).data;
    const hold = await fetch('/v2/bookings/reserve', {
      method: 'POST',
      headers: auth(DEMO_KEYS.barber),
      body: JSON.stringify({ resource_id: slot.resources[0].id, start: slot.start, end: slot.end }),
    });
    expect(hold.status).to.equal(201);
    const { data: held } = await hold.json();
    const booking = await fetch('/v2/bookings', {
      method: 'POST',
      headers: auth(DEMO_KEYS.barber),
      body: JSON.stringify({
        graph: 'instant',
        reservation_id: held.id,
        event: { what: 'Haircut' },
        customer: { name: 'Marty', email: 'marty@example.test' },
      }),
    });
    expect(booking.status).to.equal(201);
    expect((await booking.json()).data.state).to.equal('confirmed');
  });

  it('moves time through _mock/clock: an unconverted hold expires', async () => {
    const [klass] = (
      await (await fetch('/v2/bookings/groups', { headers: auth(DEMO_KEYS.yoga) })).json()
    ).data;
    const hold = await (
      await fetch('/v2/bookings/reserve', {
        method: 'POST',
        headers: auth(DEMO_KEYS.yoga),
        body: JSON.stringify({ related: { owner_booking_id: klass.id }, seats: 2 }),
      })
    ).json();
    await fetch('/v2/_mock/clock', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ advance: '10 minutes' }),
    });
    const late = await fetch('/v2/bookings', {
      method: 'POST',
      headers: auth(DEMO_KEYS.yoga),
      body: JSON.stringify({
        graph: 'group_customer',
        reservation_id: hold.data.id,
        customer: { name: 'Biff', email: 'biff@example.test' },
      }),
    });
    expect(late.status).to.equal(410);
    expect((await late.json()).error.code).to.equal('hold_expired');
  });
});
