import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { customer, firstClass, KEYS, useMock } from './harness.ts';

/**
 * Seed 004's listings over HTTP: every filter it names is honoured on every list endpoint, and a
 * filter the mock does not know, or a value it cannot read, is a 422 naming it, never ignored.
 */
const mock = useMock();

let day = 0;
/** An owner booking on its own day, so bookings never collide. */
async function book(graph: string, resource_id: string, extra: Record<string, unknown> = {}) {
  day += 1;
  const start = new Date(Date.UTC(2027, 0, day, 9)).toISOString();
  const end = new Date(Date.UTC(2027, 0, day, 10)).toISOString();
  const { status, body } = await mock.call('POST', '/bookings', {
    body: {
      graph,
      resource_id,
      event: { start, end, what: 'Cut' },
      customer: customer(day),
      ...extra,
    },
  });
  assert.equal(status, 201, JSON.stringify(body));
  return body.data as { id: string; state: string; updated_at: string };
}

const ids = async (path: string) => {
  const { status, body } = await mock.call('GET', path);
  assert.equal(status, 200, JSON.stringify(body));
  return (body.data as Array<{ id: string }>).map((booking) => booking.id);
};

describe('seed 004 listings', () => {
  test('status filters: GET /bookings?status=no_show returns only no-shows', async () => {
    const shown = await book('instant', 'res_barber');
    const missed = await book('instant', 'res_barber');
    await mock.call('PUT', `/bookings/${missed.id}/status`, { body: { status: 'no_show' } });
    for (const path of ['/bookings', '/bookings/all', '/bookings/active', '/bookings/visible']) {
      assert.deepEqual(await ids(`${path}?status=no_show`), [missed.id], path);
    }
    const noStatus = await ids('/bookings/no_status');
    assert.ok(noStatus.includes(shown.id), 'noStatus.includes(shown.id)');
    assert.ok(!noStatus.includes(missed.id), '!noStatus.includes(missed.id)');
  });

  test('an unknown or malformed filter value is a 422 naming it', async () => {
    for (const [query, path] of [
      ['status=late', 'status.0'],
      ['state=nonsense', 'state'],
      ['graph=nope', 'graph'],
      ['since=yesterday', 'since'],
      ['start=2026-13-01', 'start'],
      ['colour=red', 'query.colour'],
    ]) {
      const { status, body } = await mock.call('GET', `/bookings/upcoming?${query}`);
      assert.equal(status, 422, query);
      assert.ok(
        body.error.details.some((detail: { path: string }) => detail.path === path),
        `${query}: ${JSON.stringify(body.error)}`,
      );
    }
  });

  test('Makeplans state aliases: awaiting_confirmation and awaiting_payment', async () => {
    const tentative = await book('confirm_decline', 'res_consultant');
    const unpaid = await book('instant_payment', 'res_coach');
    const plain = await book('instant', 'res_barber');
    assert.equal(tentative.state, 'tentative');
    assert.equal(unpaid.state, 'tentative');
    const awaitingConfirmation = await ids('/bookings?state=awaiting_confirmation');
    assert.ok(
      awaitingConfirmation.includes(tentative.id),
      'awaitingConfirmation.includes(tentative.id)',
    );
    assert.ok(
      !awaitingConfirmation.includes(unpaid.id),
      '!awaitingConfirmation.includes(unpaid.id)',
    );
    const either = await ids('/bookings?state[]=awaiting_payment&state[]=confirmed');
    assert.ok(
      either.includes(unpaid.id) && either.includes(plain.id),
      'either.includes(unpaid.id) && either.includes(plain.id)',
    );
    assert.ok(!either.includes(tentative.id), '!either.includes(tentative.id)');
  });

  test('since, ids[], resource_id (several), start and end, collection_id', async () => {
    const a = await book('instant', 'res_barber');
    const b = await book('confirm_decline', 'res_consultant');
    const c = await book('instant_payment', 'res_coach');
    mock.clock.advance(60_000);
    const since = new Date(mock.clock.now()).toISOString();
    mock.clock.advance(60_000);
    await mock.call('PUT', `/bookings/${b.id}/status`, { body: { status: 'checked_in' } });
    assert.deepEqual(await ids(`/bookings?since=${encodeURIComponent(since)}`), [b.id]);
    assert.deepEqual(await ids(`/bookings/all?ids[]=${a.id}&ids[]=${c.id}`), [a.id, c.id]);
    const both = await ids('/bookings?resource_id[]=res_barber&resource_id[]=res_coach');
    assert.ok(
      both.includes(a.id) && both.includes(c.id) && !both.includes(b.id),
      'both.includes(a.id) && both.includes(c.id) && !both.includes(b.id)',
    );
    const window = await ids(
      `/bookings?ids=${a.id},${b.id},${c.id}&start=2027-01-01T00:00:00Z&end=${encodeURIComponent(
        '2027-12-31T00:00:00+00:00',
      )}`,
    );
    assert.deepEqual(window, [a.id, b.id, c.id]);
    assert.deepEqual(await ids(`/bookings?ids[]=${a.id}&collection_id=none`), []);
  });

  test('/bookings/recent lists active bookings, last updated first', async () => {
    const first = await book('instant', 'res_barber');
    mock.clock.advance(1000);
    const second = await book('instant', 'res_barber');
    mock.clock.advance(1000);
    await mock.call('PUT', `/bookings/${first.id}/status`, { body: { status: 'checked_in' } });
    const recent = await ids('/bookings/recent');
    assert.deepEqual(recent.slice(0, 2), [first.id, second.id]);
  });

  test('external_id: set by the owner, filtered, found by GET /bookings/find_by/external_id/:id', async () => {
    const synced = await book('instant', 'res_barber', { external_id: 'crm-42', title: 'VIP' });
    assert.deepEqual(await ids('/bookings?external_id=crm-42'), [synced.id]);
    const found = await mock.call('GET', '/bookings/find_by/external_id/crm-42');
    assert.equal(found.status, 200);
    assert.equal(found.body.data.id, synced.id);
    assert.equal(found.body.data.external_id, 'crm-42');
    assert.equal(found.body.data.title, 'VIP');
    assert.equal(found.body.data.active, true);
    assert.equal((await mock.call('GET', '/bookings/find_by/external_id/crm-0')).status, 404);
    const widget = await mock.call('GET', '/bookings/find_by/external_id/crm-42', {
      key: KEYS.barber,
    });
    assert.equal(widget.status, 403);
  });

  test('a widget key may not set the owner attributes', async () => {
    const { status, body } = await mock.call('POST', '/bookings', {
      key: KEYS.barber,
      body: {
        start: '2026-11-30T10:00:00+00:00',
        end: '2026-11-30T10:30:00+00:00',
        customer: customer(99),
        external_id: 'mine',
      },
    });
    assert.equal(status, 403, JSON.stringify(body));
    assert.equal(body.error.details[0].path, 'external_id');
  });

  test("Makeplans' service_id, event_id and person_id: the project, the class and the customer", async () => {
    const cut = await book('instant', 'res_barber', { project_id: 'proj_barber' });
    const yoga = await firstClass(mock);
    const signUp = async (n: number) => {
      const { status, body } = await mock.call('POST', '/bookings', {
        key: KEYS.yoga,
        body: {
          graph: 'group_customer',
          related: { owner_booking_id: yoga.id },
          customer: customer(100 + n),
        },
      });
      assert.equal(status, 201, JSON.stringify(body));
      return body.data as { id: string; customers: Array<{ id: string }> };
    };
    const [first, second] = [await signUp(1), await signUp(2)];

    assert.deepEqual(await ids(`/bookings/all?event_id=${yoga.id}`), [first.id, second.id]);
    assert.deepEqual(await ids(`/bookings?event_id[]=${yoga.id}&event_id[]=nope`), [
      first.id,
      second.id,
    ]);
    const person = second.customers[0]!.id;
    assert.deepEqual(await ids(`/bookings/all?person_id=${person}`), [second.id]);
    const barber = await ids('/bookings/all?service_id=proj_barber');
    assert.ok(barber.includes(cut.id) && !barber.includes(first.id), 'only the barber project');
    const yogaSeats = await ids(`/bookings/all?service_id=proj_yoga&event_id=${yoga.id}`);
    assert.deepEqual(yogaSeats, [first.id, second.id]);
    assert.deepEqual(await ids(`/bookings/all?service_id=proj_barber&event_id=${yoga.id}`), []);
    const { status, body } = await mock.call('GET', '/bookings?event_id=');
    assert.equal(status, 200, 'an empty value is no filter, as for the other list filters');
    assert.ok((body.data as unknown[]).length > 0, '(body.data as unknown[]).length > 0');
  });

  test('extended=true adds the related bookings (a class its seats); other values are 422', async () => {
    const yoga = await firstClass(mock);
    const plain = await mock.call('GET', `/bookings/${yoga.id}`);
    assert.equal(plain.body.data.related_bookings, undefined);
    const full = await mock.call('GET', `/bookings/${yoga.id}?extended=true`);
    assert.equal(full.status, 200);
    assert.ok(
      Array.isArray(full.body.data.related_bookings),
      'Array.isArray(full.body.data.related_bookings)',
    );
    const listed = await mock.call('GET', `/bookings/all?ids[]=${yoga.id}&extended=true`);
    assert.ok(
      Array.isArray(listed.body.data[0].related_bookings),
      'Array.isArray(listed.body.data[0].related_bookings)',
    );
    const off = await mock.call('GET', `/bookings/all?ids[]=${yoga.id}&extended=false`);
    assert.equal(off.body.data[0].related_bookings, undefined);
    const bad = await mock.call('GET', '/bookings?extended=yes');
    assert.equal(bad.status, 422);
    assert.equal(bad.body.error.details[0].path, 'extended');
  });
});
