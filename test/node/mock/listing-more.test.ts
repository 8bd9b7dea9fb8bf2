import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { bookOnEngine, useMock } from './harness.ts';

/**
 * The owner's listing (src/mock/handlers/bookings.ts), the query parameters listing-edges and
 * makeplans-listing did not pin: `end=` and `project_id=`. Three barber bookings, 24, 25 and 26
 * hours after NOW, an hour each, beside the demo's classes (none of them `instant`). Each test
 * names the bug it catches; the planted versions passed every other mock test.
 */

const mock = useMock();
let ids: string[];
before(() => {
  ids = [24, 25, 26].map((hour) => bookOnEngine(mock.api.engine, hour).id);
});

async function listed(query: string) {
  const response = await mock.call('GET', `/bookings?${query}`);
  assert.equal(response.status, 200, JSON.stringify(response.body));
  return (response.body.data as Array<{ id: string }>).map((booking) => booking.id);
}

describe('end=', () => {
  test('keeps the bookings that end by then, the one ending exactly then included', async () => {
    // Bug caught: `end` not read from the query, so every booking listed whatever it asks.
    // NOW + 26 h is the second booking's end and the third's start.
    assert.deepEqual(await listed('graph=instant&end=2026-11-27T14:00:00.000Z'), ids.slice(0, 2));
    assert.deepEqual(await listed('graph=instant&end=2026-11-27T13:59:59.999Z'), ids.slice(0, 1));
  });
});

describe('project_id=', () => {
  test('keeps one project’s bookings', async () => {
    // Bug caught: `project_id` not read from the query (only `search=project.id:` was), so a
    // page for one project listed every project's bookings.
    assert.deepEqual(await listed('graph=instant&project_id=proj_barber'), ids);
    assert.deepEqual(await listed('graph=instant&project_id=proj_yoga'), []);
  });
});

describe('include=', () => {
  test('an unknown name is 422 with details naming include and what it allows', async () => {
    // Bug caught: the detail's path emptied; a form or SDK that maps details to fields by path
    // then cannot tell which parameter was wrong (only the message said so).
    const response = await mock.call('GET', '/bookings?include=nope');
    assert.equal(response.status, 422);
    assert.deepEqual(response.body.error.details, [
      {
        path: 'include',
        message: 'allowed: attributes, customers, calendar, logs, related_bookings',
      },
    ]);
  });
});

describe('extended=', () => {
  test('a value other than true or false is 422 with a message naming extended', async () => {
    // Bug caught: the message emptied (the details kept their path): the error an integrator
    // logs said nothing.
    const response = await mock.call('GET', '/bookings?extended=yes');
    assert.equal(response.status, 422);
    assert.deepEqual(response.body.error, {
      status: 422,
      code: 'validation_failed',
      message: 'extended: must be true or false',
      details: [{ path: 'extended', message: 'must be true or false' }],
    });
  });
});
