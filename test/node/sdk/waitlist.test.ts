import { after, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO_KEYS, ManualClock } from '../../../src/engine/index.ts';
import { createMockServer } from '../../../src/mock/node.ts';
import { createClient, SlotkitApiError } from '../../../src/sdk/index.ts';

/** The SDK's waitlist methods against the mock engine: answers pass the schemas, refusals are typed. */

const BASE = 'http://slotkit.test/v2';
const NOW = Date.parse('2026-11-26T12:00:00Z');
const clock = new ManualClock(NOW);
const { api, server } = createMockServer({ clock, seed: 'demo' });
const sdk = createClient({ baseUrl: BASE, appKey: DEMO_KEYS.paidClass, retries: 0 });

before(() => server.listen({ onUnhandledRequest: 'error' }));
after(() => server.close());
beforeEach(() => {
  clock.set(NOW);
  api.reset('demo');
  api.limiter.clear();
});

test('join a sold-out class, read the entry with its token, leave it', async () => {
  const [group] = await sdk.groups();
  const refused = await sdk
    .joinWaitlist({
      related: { owner_booking_id: group!.id },
      customer: { name: 'Early', email: 'early@example.test' },
    })
    .catch((error: unknown) => error);
  assert.ok(refused instanceof SlotkitApiError, 'refused instanceof SlotkitApiError');
  assert.equal(refused.code, 'seats_available');
  await sdk.createBooking({
    graph: 'group_customer_payment',
    related: { owner_booking_id: group!.id, seats: 8 },
    customer: { name: 'Crowd', email: 'crowd@example.test' },
  });
  const entry = await sdk.joinWaitlist({
    related: { owner_booking_id: group!.id, seats: 2 },
    customer: { name: 'Marty', email: 'marty@example.test' },
  });
  assert.equal(entry.state, 'waiting');
  assert.equal(entry.seats, 2);
  const token = entry.customer_token!;
  const read = await sdk.getWaitlistEntry(entry.id, { customerToken: token });
  assert.equal(read.customer.email, 'marty@example.test');
  assert.equal(read.customer_token, undefined);
  const left = await sdk.withCustomerToken(token).leaveWaitlist(entry.id);
  assert.equal(left.state, 'left');
});
