import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { DEMO_KEYS, ManualClock } from '../../../src/engine/index.ts';
import { startHttpServer, type RunningServer } from '../../../src/mock/server.ts';
import { basic } from '../mock/harness.ts';

/**
 * Seed 000 configures timekit-sdk with `outputTimestampFormat: 'Y-m-d H:i:s'`; Timekit's docs
 * take it as a header (`OutputTimestampFormat`, the SDK sends `Timekit-OutputTimestampFormat`)
 * or a query parameter, in PHP date() letters, ISO 8601 by default. Every timestamp of the
 * response is written that way; a format the mock cannot write is 422 and changes nothing.
 */
const require = createRequire(import.meta.url);
const timekit = require('timekit-sdk');

// Seed 000's create request; only the calendar id and the email are ours.
const SEED_BOOKING = {
  graph: 'confirm_decline',
  action: 'create',
  event: {
    start: '2015-03-01T08:00:00+00:00',
    end: '2015-03-01T13:00:00+00:00',
    what: 'Mens haircut',
    where: 'Sesame St, Middleburg, FL 32068, USA',
    calendar_id: 'cal_res_consultant',
    description: 'Please arrive 10 minutes before you time begin',
  },
  customer: {
    name: 'Marty McFly',
    email: 'marty@hillvalley.test',
    phone: '1-591-001-5403',
    voip: 'McFly',
    timezone: 'America/Los_Angeles',
  },
};

const onDay = (day: number) => ({
  ...SEED_BOOKING,
  event: {
    ...SEED_BOOKING.event,
    start: `2015-03-0${day}T08:00:00+00:00`,
    end: `2015-03-0${day}T13:00:00+00:00`,
  },
});

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/;

/** Every string in a body that still reads as an ISO timestamp, with where it is. */
function isoLeft(value: unknown, path = ''): string[] {
  if (typeof value === 'string') return ISO.test(value) ? [`${path}=${value}`] : [];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, item]) => isoLeft(item, `${path}.${key}`));
}

let server: RunningServer;
let bookingId: string;
before(async () => {
  server = await startHttpServer({
    port: 0,
    seed: 'demo',
    clock: new ManualClock('2016-02-11T11:58:45Z'),
  });
  // A day after the seed's time, which the SDK test books with the seed's own body.
  const created = await call('POST', '/bookings', { body: onDay(2) });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  bookingId = created.body.data.id;
});
after(() => server.close());

async function call(
  method: string,
  path: string,
  options: { body?: unknown; headers?: Record<string, string> } = {},
) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      Authorization: basic(DEMO_KEYS.owner),
      ...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...options.headers,
    },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  return { status: response.status, body: await response.json() };
}

describe('outputTimestampFormat', () => {
  test("seed 000's timekit-sdk configuration gets every timestamp as Y-m-d H:i:s", async () => {
    const sdk = timekit.newInstance();
    sdk.configure({
      apiBaseUrl: `${new URL(server.url).origin}/`,
      app: 'docs',
      appKey: DEMO_KEYS.owner,
      outputTimestampFormat: 'Y-m-d H:i:s',
    });
    const { data } = await sdk.createBooking(SEED_BOOKING);
    assert.equal(data.attributes.event_info.start, '2015-03-01 08:00:00');
    assert.equal(data.attributes.event_info.end, '2015-03-01 13:00:00');
    assert.equal(data.created_at, '2016-02-11 11:58:45');
    assert.equal(data.updated_at, '2016-02-11 11:58:45');
    assert.deepEqual(isoLeft(data), []);
  });

  test("Timekit's documented header and query parameter, its example format, unix time and zones", async () => {
    const path = `/bookings/${bookingId}?include=logs`;
    const header = await call('GET', path, { headers: { OutputTimestampFormat: 'Y-m-d h:ia' } });
    assert.equal(header.status, 200, JSON.stringify(header.body));
    assert.equal(header.body.data.attributes.event_info.start, '2015-03-02 08:00am');
    assert.equal(header.body.data.attributes.event_info.end, '2015-03-02 01:00pm');
    assert.equal(header.body.data.logs[0].created_at, '2016-02-11 11:58am');

    const unix = await call('GET', `${path}&OutputTimestampFormat=U`);
    assert.equal(
      unix.body.data.attributes.event_info.start,
      String(Date.UTC(2015, 2, 2, 8) / 1000),
    );

    const zoned = await call('GET', path, {
      headers: {
        'Timekit-OutputTimestampFormat': 'D, d M Y H:i O',
        'Timekit-Timezone': 'America/Los_Angeles',
      },
    });
    assert.equal(zoned.body.data.attributes.event_info.start, 'Mon, 02 Mar 2015 00:00 -0800');

    const named = await call('GET', path, { headers: { OutputTimestampFormat: 'ISO_8601' } });
    assert.equal(named.body.data.attributes.event_info.start, '2015-03-02T08:00:00+00:00');

    const plain = await call('GET', path);
    assert.equal(plain.body.data.attributes.event_info.start, '2015-03-02T08:00:00+00:00');
  });

  test('lists are formatted throughout: no ISO timestamp is left in the body', async () => {
    const list = await call('GET', '/bookings?include=logs', {
      headers: { OutputTimestampFormat: 'Y-m-d H:i:s' },
    });
    assert.equal(list.status, 200, JSON.stringify(list.body));
    assert.ok(list.body.data.length > 0, 'list.body.data.length > 0');
    assert.deepEqual(isoLeft(list.body), []);
  });

  test('a format with letters it cannot write is 422 naming it and the letters; nothing is created', async () => {
    const before = (await call('GET', '/bookings')).body.data.length;
    const refused = await call('POST', '/bookings', {
      // A free time: only the format stands in the way.
      body: onDay(5),
      headers: { OutputTimestampFormat: 'Y-m-d Q:K' },
    });
    assert.equal(refused.status, 422, JSON.stringify(refused.body));
    assert.equal(refused.body.error.details[0].path, 'OutputTimestampFormat');
    assert.match(refused.body.error.message, /Y-m-d Q:K.*Q, K/);
    const query = await call('GET', '/bookings?OutputTimestampFormat=%C2%A7q');
    assert.equal(query.status, 422);
    assert.equal(query.body.error.details[0].path, 'query.OutputTimestampFormat');
    const zone = await call('GET', '/bookings', {
      headers: { OutputTimestampFormat: 'c', 'Timekit-Timezone': 'Mars/Olympus' },
    });
    assert.equal(zone.status, 422);
    assert.equal(zone.body.error.details[0].path, 'Timekit-Timezone');
    assert.equal((await call('GET', '/bookings')).body.data.length, before);
  });
});
