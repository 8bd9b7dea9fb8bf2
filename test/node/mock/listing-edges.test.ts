import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { NOW, customer, useMock } from './harness.ts';

/**
 * The owner's listing, `GET /bookings` (src/mock/handlers/bookings.ts and searchFilters in
 * src/mock/http.ts): Timekit's `search=field:value;…`, free text, and pages. Three instant
 * bookings beside the demo's classes. Each test names the bug it catches; the planted versions
 * passed every other test.
 */

const mock = useMock();
let ids: string[];
before(async () => {
  ids = [];
  for (const [hour, who, what] of [
    [24, { name: 'Marty McFly', email: 'marty@example.test' }, 'Haircut'],
    [25, customer(2), 'Beard trim'],
    [26, customer(3), 'Shave'],
  ] as const) {
    const start = NOW + hour * 3_600_000;
    const created = await mock.call('POST', '/bookings', {
      body: {
        graph: 'instant',
        project_id: 'proj_barber',
        ignore_capacity: true,
        event: {
          start: new Date(start).toISOString(),
          end: new Date(start + 3_600_000).toISOString(),
          what,
          resource_id: 'res_barber',
        },
        customer: who,
      },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    ids.push(created.body.data.id);
  }
});

/** The ids a listing answers, in order (the search is URL-encoded here). */
async function listed(query: string) {
  const response = await mock.call('GET', `/bookings?${query}`);
  assert.equal(response.status, 200, JSON.stringify(response.body));
  return (response.body.data as Array<{ id: string }>).map((booking) => booking.id);
}
const search = (text: string) => `search=${encodeURIComponent(text)}`;

describe('search=field:value', () => {
  test('graph: the three instant bookings, not the classes', async () => {
    assert.deepEqual(await listed(search('graph:instant')), ids);
  });

  test('resource.id, project.id and state each narrow it', async () => {
    // A field the mock did not know would be free text, which matches nothing here.
    assert.deepEqual(await listed(search('graph:instant;resource.id:res_barber')), ids);
    assert.deepEqual(await listed(search('graph:instant;resource_id:res_yoga')), []);
    assert.deepEqual(await listed(search('graph:instant;project.id:proj_yoga')), []);
    assert.deepEqual(await listed(search('graph:instant;state:cancelled')), []);
  });

  test('a value is trimmed', async () => {
    assert.deepEqual(await listed(search('graph: instant ;project.id: proj_barber ')), ids);
  });

  test('other parts are free text, joined with spaces', async () => {
    assert.deepEqual(await listed(search('graph:instant;marty ; mcfly')), [ids[0]]);
  });

  // `constructor` is a key every object inherits: it must not read as a field.
  test('a field name from Object’s prototype is free text', async () => {
    assert.deepEqual(await listed(search('graph:instant;constructor:x')), []);
  });
});

describe('pages', () => {
  test('limit and page pick a slice; meta has the total, the page and the limit', async () => {
    const response = await mock.call('GET', `/bookings?${search('graph:instant')}&limit=2&page=2`);
    assert.deepEqual(
      response.body.data.map((booking: { id: string }) => booking.id),
      [ids[2]],
    );
    assert.deepEqual(response.body.meta, { total: 3, page: 2, limit: 2 });
  });

  test('limit=0 lists nothing but still counts', async () => {
    const response = await mock.call('GET', `/bookings?${search('graph:instant')}&limit=0`);
    assert.deepEqual(response.body, { data: [], meta: { total: 3, page: 1, limit: 0 } });
  });

  test('page 0 and a negative limit are 422 naming the parameter', async () => {
    const page = await mock.call('GET', '/bookings?page=0');
    assert.equal(page.status, 422);
    assert.equal(page.body.error.message, 'page: must be a whole number from 1');
    assert.deepEqual(page.body.error.details, [
      { path: 'page', message: 'must be a whole number' },
    ]);
    const limit = await mock.call('GET', '/bookings?limit=-1');
    assert.equal(limit.status, 422);
    assert.equal(limit.body.error.message, 'limit: must be a whole number');
  });

  test('include=logs adds each booking’s log to the listing', async () => {
    const response = await mock.call('GET', `/bookings?${search('graph:instant')}&include=logs`);
    assert.deepEqual(
      response.body.data.map((booking: { logs?: unknown[] }) => Array.isArray(booking.logs)),
      [true, true, true],
    );
  });
});
