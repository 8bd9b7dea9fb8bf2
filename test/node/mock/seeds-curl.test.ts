import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ManualClock } from '../../../src/engine/index.ts';
import { startHttpServer, type RunningServer } from '../../../src/mock/server.ts';
import { KEYS } from './harness.ts';

/**
 * The seeds' curl requests, sent as curl sends them (`-u user:key`, `-d` as a form-encoded
 * body, `-X POST` where the seed says so) with our keys and ids, against `npm run api`'s server.
 */
let server: RunningServer;
before(async () => {
  server = await startHttpServer({
    port: 0,
    clock: new ManualClock('2016-02-11T11:58:45Z'),
    seed: 'demo',
  });
});
after(() => server.close());

async function curl(
  method: string,
  path: string,
  user: string,
  data?: string,
  headers: Record<string, string> = {},
) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      Authorization: `Basic ${Buffer.from(user).toString('base64')}`,
      ...(data === undefined ? {} : { 'Content-Type': 'application/x-www-form-urlencoded' }),
      ...headers,
    },
    ...(data === undefined ? {} : { body: data }),
  });
  return { status: response.status, body: await response.json() };
}

describe('seed 000 (confirm_decline walk-through)', () => {
  test('create, then decline with a message: the seed\u2019s responses', async () => {
    const user = `doc@hillvalley.test:${KEYS.owner}`;
    const created = await curl(
      'POST',
      '/bookings',
      user,
      `{
          "graph": "confirm_decline",
          "action": "create",
          "event": {
            "start": "2015-03-01T08:00:00+00:00",
            "end": "2015-03-01T13:00:00+00:00",
            "what": "Mens haircut",
            "where": "Sesame St, Middleburg, FL 32068, USA",
            "calendar_id": "cal_res_consultant",
            "description": "Please arrive 10 minutes before you time begin"
          },
          "customer": {
            "name": "Marty McFly",
            "email": "marty@hillvalley.test",
            "phone": "1-591-001-5403",
            "voip": "McFly",
            "timezone": "America/Los_Angeles"
          }
        }`,
      { 'Timekit-App': 'back-to-the-future' },
    );
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const booking = created.body.data;
    assert.equal(booking.graph, 'confirm_decline');
    assert.equal(booking.state, 'tentative');
    assert.equal(booking.completed, false);
    // API.md adds cancel_by_customer to the seed's two actions for tentative bookings.
    assert.deepEqual(booking.possible_actions.slice(0, 2), ['decline', 'confirm']);
    assert.deepEqual(booking.attributes.event_info, {
      start: '2015-03-01T08:00:00+00:00',
      end: '2015-03-01T13:00:00+00:00',
      what: 'Mens haircut',
      where: 'Sesame St, Middleburg, FL 32068, USA',
      description: 'Please arrive 10 minutes before you time begin',
      calendar_id: 'cal_res_consultant',
    });
    assert.equal(booking.calendar.id, 'cal_res_consultant');
    const { id: _customerId, ...marty } = booking.customers[0];
    assert.deepEqual(marty, {
      name: 'Marty McFly',
      email: 'marty@hillvalley.test',
      phone: '1-591-001-5403',
      voip: 'McFly',
      timezone: 'America/Los_Angeles',
    });

    const declined = await curl(
      'POST',
      `/bookings/${booking.id}/decline`,
      user,
      `{ "notify_customer_declined_by_email": { "message": "Sorry, I'm not available at that location" } }`,
      { 'Timekit-App': 'back-to-the-future' },
    );
    assert.equal(declined.status, 200, JSON.stringify(declined.body));
    assert.equal(declined.body.data.state, 'declined');
    assert.equal(declined.body.data.completed, true);
    assert.deepEqual(declined.body.data.possible_actions, []);
    const fetched = await curl('GET', `/bookings/${booking.id}?include=logs`, user);
    assert.deepEqual(
      fetched.body.data.logs.map((entry: { description: string }) =>
        entry.description.replace(/\(?[\w.]+@[\w.]+\)?/g, '<email>'),
      ),
      [
        'Changed state to: created',
        'Changed state to: customer_data_saved',
        'Updated booking object with success',
        'Changed state to: booking_data_saved',
        'Trying to send (confirm/decline) email to owner <email>...',
        'Email sent to <email>!',
        'Changed state to: notified_owner_by_action_email',
        'Changed state to: tentative',
        'Booking was rejected by: <email>',
        'Changed state to: declining',
        'Trying to send (declined notification) email to customer <email>...',
        'Email sent to <email>!',
        'Changed state to: notified_customer_declined_by_email',
        'Changed state to: declined',
      ],
    );
    assert.ok(
      fetched.body.data.logs.every(
        (entry: { success: string; data: string }) =>
          entry.success === 'true' && typeof entry.data === 'string',
      ),
      `fetched.body.data.logs.every((entry: { success: string; data: string }) => entry.success === 'true' && typeof entry.data === 'string')`,
    );
  });
});

describe('seed 001 (group and class bookings)', () => {
  const user = `:${KEYS.owner}`;
  const classBody = (settings: string) => `{
          "graph": "group_owner",
          "settings": ${settings},
          "event": {
            "start": "2016-09-30T08:00:00+00:00",
            "end": "2016-09-30T09:00:00+00:00",
            "what": "Doc Brown's Friday Yoga Class",
            "where": "Sesame St, Middleburg, FL 32068, USA",
            "calendar_id": "cal_res_doc",
            "description": "Please arrive 10 minutes before classes begin"
          }
        }`;

  test('set up classes, list them, sign up, cancel, and read the related bookings', async () => {
    const simple = await curl('POST', '/bookings', user, classBody('{ "max_seats": 20 }'));
    assert.equal(simple.status, 201, JSON.stringify(simple.body));
    assert.equal(simple.body.data.state, 'tentative');
    assert.equal(simple.body.data.graph, 'group_owner');
    // The second class overlaps the first on Doc's calendar: the seed books both, so the owner
    // says so on purpose here.
    const ruled = await curl(
      'POST',
      '/bookings',
      user,
      classBody(
        '{ "max_seats": 20, "min_cancel_time": "1 day", "min_booking_time": "2 hours", "max_booking_time": "14 days" }',
      ).replace('"graph"', '"ignore_capacity": true, "graph"'),
    );
    assert.equal(ruled.status, 201, JSON.stringify(ruled.body));
    const classId = ruled.body.data.id;

    const groups = await curl('GET', '/bookings/groups', user);
    const listed = groups.body.data.filter(
      (group: { attributes: { event_info: { what: string } } }) =>
        group.attributes.event_info.what === "Doc Brown's Friday Yoga Class",
    );
    assert.equal(listed.length, 2);
    for (const group of listed) {
      assert.equal(group.state, 'tentative');
      assert.equal(group.graph, 'group_owner');
      assert.equal(group.completed, false);
      assert.equal(group.attributes.event_info.start, '2016-09-30T08:00:00+00:00');
      assert.deepEqual(
        [group.attributes.group_booking.current_seats, group.attributes.group_booking.max_seats],
        [0, 20],
      );
      assert.equal(group.customers, undefined);
    }

    const marty = await curl(
      'POST',
      '/bookings',
      user,
      `{
          "graph": "group_customer",
          "related": { "owner_booking_id": "${classId}" },
          "customer": { "name": "Marty McFly", "email": "marty@hillvalley.test" }
        }`,
    );
    assert.equal(marty.status, 201, JSON.stringify(marty.body));
    assert.equal(marty.body.data.state, 'confirmed');
    const withFriend = await curl(
      'POST',
      '/bookings',
      user,
      `{
          "graph": "group_customer",
          "action": "create",
          "related": { "owner_booking_id": "${classId}", "seats": 2 },
          "customer": { "name": "Marty McFly", "email": "marty@hillvalley.test" }
        }`,
    );
    assert.equal(withFriend.status, 201);
    assert.equal(
      (await curl('GET', `/bookings/groups/${classId}`, user)).body.data.attributes.group_booking
        .current_seats,
      3,
    );

    const cancelled = await curl(
      'PUT',
      `/bookings/${marty.body.data.id}/cancel_by_customer`,
      user,
      `{
          "cancel_by_customer": { "message": "Double booked. Sorry, Doc!" }
        }`,
    );
    assert.equal(cancelled.status, 200, JSON.stringify(cancelled.body));
    assert.equal(cancelled.body.data.state, 'cancelled_by_customer');

    const related = await curl(
      'GET',
      `/bookings/${classId}?include=attributes,related_bookings`,
      user,
    );
    assert.equal(related.body.data.attributes.group_booking.current_seats, 2);
    assert.deepEqual(
      related.body.data.related_bookings.map(
        (seat: { graph: string; state: string; completed: boolean }) => [
          seat.graph,
          seat.state,
          seat.completed,
        ],
      ),
      [
        ['group_customer', 'cancelled_by_customer', true],
        ['group_customer', 'confirmed', false],
      ],
    );

    const docCancels = await curl(
      'PUT',
      `/bookings/${classId}/cancel`,
      user,
      `{
          "cancel": { "message": "Getting the DeLorean fixed that day. Doc." }
        }`,
    );
    assert.equal(docCancels.status, 200);
    assert.equal(docCancels.body.data.state, 'cancelled');
    const seat = await curl('GET', `/bookings/${withFriend.body.data.id}`, user);
    assert.equal(seat.body.data.state, 'cancelled_by_owner');
    const outbox = await curl('GET', '/_mock/outbox', user);
    const notice = outbox.body.data.find(
      (entry: { booking_id: string; subject: string }) =>
        entry.booking_id === withFriend.body.data.id && entry.subject.startsWith('Class cancelled'),
    );
    assert.match(notice.body, /Getting the DeLorean fixed that day\. Doc\./);
  });
});
