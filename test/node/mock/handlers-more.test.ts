import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { KEYS, NOW, customer, firstClass, useMock, weeklySeries } from './harness.ts';

/**
 * More of the handlers' edges (src/mock/handlers/*.ts), from the second round of planted bugs.
 * Each test names the bug it catches; the planted versions passed every other mock test.
 */

const mock = useMock({ fresh: true });

describe('POST /availability/dates', () => {
  // The widget marks a month's open days from these before it asks for any slot: answered
  // with the slots themselves, it would find no `date` to read.
  test('answers the days that have a slot, once each, in order, as { date } alone', async () => {
    const answer = await mock.call('POST', '/availability/dates', { key: KEYS.barber, body: {} });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    const days = answer.body.data as Array<Record<string, string>>;
    assert.ok(days.length > 0, 'days.length > 0');
    for (const day of days) {
      assert.deepEqual(Object.keys(day), ['date']);
      assert.match(day.date!, /^\d{4}-\d{2}-\d{2}$/);
    }
    const dates = days.map((day) => day.date!);
    assert.deepEqual(dates, [...new Set(dates)].sort());
  });
});

describe('the class listing’s time zone', () => {
  const classes = (query: string, headers: Record<string, string> = {}) =>
    mock.call('GET', `/bookings/groups?search=project.id:proj_yoga${query}`, {
      key: KEYS.yoga,
      headers,
    });
  const starts = (answer: { status: number; body: any }) => {
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    return (answer.body.data as Array<{ attributes: { event_info: { start: string } } }>).map(
      (group) => group.attributes.event_info.start,
    );
  };

  // booking.js sends its zone in Timekit-Timezone, not in the query: without the header the
  // classes come in UTC and the widget shows every time in the wrong zone.
  test('Timekit-Timezone sets it; ?timezone= wins over the header; UTC without either', async () => {
    const utc = starts(await classes(''));
    assert.equal(utc[0], '2026-11-27T12:00:00+00:00');
    const header = starts(await classes('', { 'Timekit-Timezone': 'Asia/Tokyo' }));
    assert.equal(header[0], '2026-11-27T21:00:00+09:00');
    assert.deepEqual(header.map(Date.parse), utc.map(Date.parse));
    const both = starts(
      await classes('&timezone=America/New_York', { 'Timekit-Timezone': 'Asia/Tokyo' }),
    );
    assert.equal(both[0], '2026-11-27T07:00:00-05:00');
  });

  // Timekit's `search=resource.id:<id>` narrows the listing: ignored, a page for one teacher
  // would list every teacher's classes.
  test('search=resource.id: keeps only that resource’s classes', async () => {
    const all = await mock.call('GET', '/bookings/groups', { key: KEYS.owner });
    const resources = (all.body.data as Array<{ resource: { id: string } }>).map(
      (group) => group.resource.id,
    );
    assert.deepEqual([...new Set(resources)].sort(), ['res_doc', 'res_studio']);
    const studio = await mock.call('GET', '/bookings/groups?search=resource.id:res_studio', {
      key: KEYS.owner,
    });
    assert.equal(studio.status, 200, JSON.stringify(studio.body));
    assert.deepEqual(
      studio.body.data.map((group: { resource: { id: string } }) => group.resource.id),
      resources.filter((id) => id === 'res_studio'),
    );
  });

  // start= and end= bound the listing: ignored, a page asking for one week gets every class.
  test('start= and end= keep the classes that start between them', async () => {
    const all = starts(await classes(''));
    const [from, to] = [all[1]!, all[3]!];
    const window = starts(
      await classes(`&start=${encodeURIComponent(from)}&end=${encodeURIComponent(to)}`),
    );
    assert.deepEqual(
      window,
      all.filter(
        (start) => Date.parse(start) >= Date.parse(from) && Date.parse(start) < Date.parse(to),
      ),
    );
    assert.equal(window.length, 2);
  });

  // The owner sees every project's classes: booking.js's `search=project.id:` must narrow them
  // to the one project, as a widget key's own listing is.
  test('search=project.id: narrows the owner’s listing to that project', async () => {
    const ids = (answer: { body: any }) =>
      answer.body.data.map((group: { id: string }) => group.id);
    const all = ids(await mock.call('GET', '/bookings/groups', { key: KEYS.owner }));
    const yoga = ids(await mock.call('GET', '/bookings/groups', { key: KEYS.yoga }));
    const searched = ids(
      await mock.call('GET', '/bookings/groups?search=project.id:proj_yoga', { key: KEYS.owner }),
    );
    assert.ok(yoga.length > 0 && yoga.length < all.length, `${yoga.length} of ${all.length}`);
    assert.deepEqual(searched, yoga);
  });

  // Every listing carries `meta.total`, which a client pages by; the groups' was untested.
  test('the listing says how many classes it holds in meta.total', async () => {
    const answer = await classes('');
    assert.ok(answer.body.data.length > 0, 'answer.body.data.length > 0');
    assert.deepEqual(answer.body.meta, { total: answer.body.data.length });
  });
});

describe('PUT /bookings/:id/verify_code', () => {
  /** An instant booking waiting for its emailed code, and that code. */
  async function unverified() {
    const start = Date.UTC(2027, 3, 1, 9);
    const created = await mock.call('POST', '/bookings', {
      body: {
        graph: 'instant',
        resource_id: 'res_barber',
        settings: { verification: 'email' },
        event: {
          start: new Date(start).toISOString(),
          end: new Date(start + 3_600_000).toISOString(),
          what: 'Cut',
        },
        customer: customer(1),
      },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const id: string = created.body.data.id;
    const mail = mock.api.engine
      .outbox()
      .filter((message) => message.booking_id === id)
      .at(-1)!;
    return { id, code: /Verification code: (\d{6})/.exec(mail.body)![1]! };
  }
  const verify = (id: string, body: unknown) =>
    mock.call('PUT', `/bookings/${id}/verify_code`, { body });
  const state = async (id: string) => (await mock.call('GET', `/bookings/${id}`)).body.data.state;

  // Only the Makeplans send switches may stand beside the code: any other boolean would reach
  // the engine's action unread, and the booking be verified as if it had been understood.
  test('a boolean that is not a send switch is refused, and the code is not used', async () => {
    const booking = await unverified();
    const refused = await verify(booking.id, { verification_code: booking.code, notify: true });
    assert.equal(refused.status, 422, JSON.stringify(refused.body));
    assert.deepEqual(refused.body.error.details, [
      {
        path: '(body)',
        message: 'only verification_code and the *_send_email / *_send_sms switches are read',
      },
    ]);
    assert.equal(await state(booking.id), 'awaiting_verification');
    const switched = await verify(booking.id, {
      verification_code: booking.code,
      verification_send_email: false,
    });
    assert.equal(switched.status, 200, JSON.stringify(switched.body));
    assert.equal(switched.body.data.state, 'confirmed');
  });

  // A code longer than any sent is refused before the engine compares it.
  test('a code of 21 characters is refused for its length; 20 are compared with the code sent', async () => {
    const booking = await unverified();
    const long = await verify(booking.id, { verification_code: '1'.repeat(21) });
    assert.equal(long.status, 422);
    assert.deepEqual(long.body.error.details, [
      { path: 'verification_code', message: 'Too big: expected string to have <=20 characters' },
    ]);
    const twenty = await verify(booking.id, { verification_code: '1'.repeat(20) });
    assert.equal(twenty.status, 422);
    // In the caller's words, the message too: the engine calls the code verify.code.
    assert.equal(twenty.body.error.message, 'verification_code: does not match the code we sent');
    assert.deepEqual(twenty.body.error.details, [
      { path: 'verification_code', message: 'does not match the code we sent' },
    ]);
  });
});

describe('the sandbox’s levers, /_mock', () => {
  // `seed` is optional: without it the reset is the demo, as MockApi.reset()'s own default.
  test('POST /_mock/reset without a seed is the demo', async () => {
    await mock.call('POST', '/_mock/reset', { body: { seed: 'empty' } });
    const reset = await mock.call('POST', '/_mock/reset', { body: {} });
    assert.equal(reset.status, 200, JSON.stringify(reset.body));
    assert.equal(reset.body.data.seed, 'demo');
    const graphs = await mock.call('GET', '/bookings/graphs', { key: KEYS.barber });
    assert.equal(graphs.status, 200, JSON.stringify(graphs.body));
    assert.ok((await firstClass(mock)).id, '(await firstClass(mock)).id');
  });

  // Given both, one would win unsaid: the caller meant one of them, and cannot know which.
  test('POST /_mock/clock with both advance and set is refused; the clock stays', async () => {
    const both = await mock.call('POST', '/_mock/clock', {
      body: { advance: '1 hour', set: '2027-01-01T00:00:00Z' },
    });
    assert.equal(both.status, 422, JSON.stringify(both.body));
    assert.deepEqual(both.body.error.details, [
      {
        path: '(body)',
        message: 'needs exactly one of advance ("15 minutes") or set ("<RFC 3339 date-time>")',
      },
    ]);
    assert.equal(mock.clock.now(), NOW);
  });

  // The refusal names the field the caller sent, so a form can mark it.
  test('a clock set past 2999 is refused naming set; an advance past it naming advance', async () => {
    const range = '1970-01-01T00:00:00.000Z to 2999-12-31T23:59:59.999Z';
    const set = await mock.call('POST', '/_mock/clock', { body: { set: '3001-01-01T00:00:00Z' } });
    assert.equal(set.status, 422, JSON.stringify(set.body));
    assert.deepEqual(set.body.error.details, [
      { path: 'set', message: `must keep the clock within ${range}` },
    ]);
    // Back at NOW before the next test's reset seeds the demo around the clock.
    mock.clock.set(Date.parse('2999-12-31T00:00:00Z'));
    const advance = await mock.call('POST', '/_mock/clock', { body: { advance: '2 days' } });
    mock.clock.set(NOW);
    assert.equal(advance.status, 422, JSON.stringify(advance.body));
    assert.deepEqual(advance.body.error.details, [
      { path: 'advance', message: `must keep the clock within ${range}` },
    ]);
  });

  // A hold whose deadline the clock passed has expired, even when the clock is set back before
  // anyone asked: otherwise a trip forward and back would leave it held, unexpired.
  test('a clock move settles what fell due on the way: a hold passed over stays expired', async () => {
    const group = await firstClass(mock);
    const held = await mock.call('POST', '/bookings/reserve', {
      key: KEYS.yoga,
      body: { related: { owner_booking_id: group.id }, seats: 1 },
    });
    assert.equal(held.status, 201, JSON.stringify(held.body));
    const forward = await mock.call('POST', '/_mock/clock', { body: { advance: '1 hour' } });
    assert.equal(forward.status, 200, JSON.stringify(forward.body));
    const back = await mock.call('POST', '/_mock/clock', {
      body: { set: new Date(NOW).toISOString() },
    });
    assert.equal(back.status, 200, JSON.stringify(back.body));
    const hold = await mock.call('GET', `/bookings/reserve/${held.body.data.id}`, {
      key: KEYS.yoga,
    });
    assert.equal(hold.body.data.state, 'expired', JSON.stringify(hold.body));
  });
});

describe('PUT /bookings/recurring/:id/cancel', () => {
  // Cancelling a series keeps its bookings, cancelled and told why; deleting it is another
  // endpoint. Swapped, the bookings would be deleted and the message never sent.
  test('cancels every occurrence with the message, and deletes none', async () => {
    const id = await weeklySeries(mock);
    const cancelled = await mock.call('PUT', `/bookings/recurring/${id}/cancel`, {
      body: { cancel: { message: 'The coach is away in March.' } },
    });
    assert.equal(cancelled.status, 200, JSON.stringify(cancelled.body));
    assert.deepEqual(cancelled.body.data, { collection_id: id, cancelled: 3 });
    const series = await mock.call('GET', `/bookings/recurring/${id}`);
    assert.deepEqual(
      series.body.data.map((booking: { state: string }) => booking.state),
      ['cancelled', 'cancelled', 'cancelled'],
    );
    const mails = mock.api.engine.outbox().filter((mail) => mail.body.includes('away in March'));
    assert.equal(mails.length, 3);
  });
});

describe('GET /services?limit=', () => {
  // As in the bookings listing, `limit=0` is a page of none: the count alone, in meta.total.
  test('0 answers no service and the total; -1 is refused naming limit', async () => {
    const none = await mock.call('GET', '/services?limit=0');
    assert.equal(none.status, 200, JSON.stringify(none.body));
    assert.deepEqual(none.body.data, []);
    assert.ok(none.body.meta.total > 0, 'none.body.meta.total > 0');
    const negative = await mock.call('GET', '/services?limit=-1');
    assert.equal(negative.status, 422);
    assert.equal(negative.body.error.details[0].path, 'limit');
  });
});
