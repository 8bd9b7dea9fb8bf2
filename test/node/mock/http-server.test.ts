import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ManualClock } from '../../../src/engine/index.ts';
import { startHttpServer, type RunningServer } from '../../../src/mock/server.ts';
import { KEYS, NOW, basic, customer } from './harness.ts';

/** Real HTTP on 127.0.0.1 (an ephemeral port): what `npm run api` serves. */
describe('over real HTTP', () => {
  let server: RunningServer;
  before(async () => {
    server = await startHttpServer({ port: 0, clock: new ManualClock(NOW), seed: 'demo' });
  });
  after(() => server.close());

  const send = async (method: string, path: string, key: string, body?: unknown) => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: { Authorization: basic(key), 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: await response.json() };
  };

  test('50 parallel sign-ups for 20 seats: exactly 20 booked, 30 clear sold_out errors, and the listing agrees', async () => {
    const start = NOW + 26 * 3_600_000;
    const created = await send('POST', '/bookings', KEYS.owner, {
      graph: 'group_owner',
      project_id: 'proj_yoga',
      resource_id: 'res_doc',
      settings: { max_seats: 20 },
      ignore_capacity: true,
      event: {
        start: new Date(start).toISOString(),
        end: new Date(start + 3_600_000).toISOString(),
        what: 'Crowded class',
      },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const classId = created.body.data.id;
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, index) =>
        send('POST', '/bookings', KEYS.yoga, {
          graph: 'group_customer',
          related: { owner_booking_id: classId },
          customer: customer(index),
        }),
      ),
    );
    const statuses = results.map((result) => result.status);
    assert.equal(statuses.filter((status) => status === 201).length, 20);
    const refused = results.filter((result) => result.status === 409);
    assert.equal(refused.length, 30);
    for (const result of refused) {
      assert.equal(result.body.error.code, 'sold_out');
      assert.match(result.body.error.message, /sold out: 0 seats left/);
    }
    const group = await send('GET', `/bookings/groups/${classId}`, KEYS.yoga);
    assert.deepEqual(
      [
        group.body.data.attributes.group_booking.current_seats,
        group.body.data.attributes.group_booking.max_seats,
      ],
      [20, 20],
    );
    const owner = await send('GET', `/bookings/${classId}?include=related_bookings`, KEYS.owner);
    assert.equal(owner.body.data.related_bookings.length, 20);
    const listed = await send('GET', '/bookings?graph=group_customer', KEYS.owner);
    assert.equal(
      listed.body.data.filter(
        (booking: { related: { owner_booking_id: string } }) =>
          booking.related.owner_booking_id === classId,
      ).length,
      20,
    );
  });

  test('an unknown path is a 404 in the error shape', async () => {
    const response = await send('GET', '/nowhere', KEYS.owner);
    assert.equal(response.status, 404);
    assert.equal(response.body.error.code, 'not_found');
  });
});
