import { after, before, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { ManualClock, DEMO_KEYS, type BookingEngine } from '../../../src/engine/index.ts';
import { createMockServer } from '../../../src/mock/node.ts';
import type { MockApiOptions } from '../../../src/mock/api.ts';

/** Thursday 2026-11-26 12:00 UTC: the demo's classes start tomorrow. */
export const NOW = Date.parse('2026-11-26T12:00:00Z');
export const BASE = 'http://slotkit.test/v2';
export const KEYS = DEMO_KEYS;

export const basic = (key: string) => `Basic ${Buffer.from(`:${key}`).toString('base64')}`;

export interface CallOptions {
  key?: string | null;
  body?: unknown;
  raw?: string;
  headers?: Record<string, string>;
}

export interface CallResult<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

/** The mock API in this process (msw/node) on the demo data, with a manual clock. */
export function startMock(options: MockApiOptions = {}) {
  const clock = new ManualClock(NOW);
  const { api, server } = createMockServer({ clock, seed: 'demo', baseUrl: '*/v2', ...options });
  server.listen({ onUnhandledRequest: 'error' });
  async function call<T = any>(
    method: string,
    path: string,
    options: CallOptions = {},
  ): Promise<CallResult<T>> {
    const key = options.key === undefined ? KEYS.owner : options.key;
    const headers: Record<string, string> = {
      ...(key === null ? {} : { Authorization: basic(key) }),
      ...options.headers,
    };
    const body =
      options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
    if (body !== undefined) headers['Content-Type'] ??= 'application/json';
    const response = await fetch(`${BASE}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body }),
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: text ? JSON.parse(text) : undefined,
    };
  }
  return { api, server, clock, call, close: () => server.close() };
}

export type Mock = ReturnType<typeof startMock>;

/**
 * `startMock` for the tests of this file, or of the `describe` it is called in: started in a
 * `before` hook, not when the file is read, since msw/node patches fetch for the whole process
 * while it listens; closed after them. With `fresh`, each test starts on the demo data at NOW;
 * without it, the tests share one world and must not collide. The returned object is filled in
 * when the hook runs: use it inside tests and hooks only.
 */
export function useMock({ fresh = false, ...options }: MockApiOptions & { fresh?: boolean } = {}) {
  const mock = {} as Mock;
  before(() => {
    Object.assign(mock, startMock(options));
  });
  after(() => mock.close());
  if (fresh)
    beforeEach(() => {
      mock.api.reset('demo');
      mock.clock.set(NOW);
    });
  return mock;
}

/** The first open class of a demo project, as the public sees it. */
export async function firstClass(mock: Mock, key: string = KEYS.yoga) {
  const { body } = await mock.call('GET', '/bookings/groups', { key });
  return body.data[0] as {
    id: string;
    attributes: { group_booking: { max_seats: number; current_seats: number } };
  };
}

export const customer = (n: number) => ({
  name: `Customer ${n}`,
  email: `customer${n}@example.test`,
});

export interface Slot {
  start: string;
  end: string;
  resources: Array<{ id: string }>;
}

/** The demo barber's open slots, as its widget asks for them. */
export async function barberSlots(mock: Mock): Promise<Slot[]> {
  const { body } = await mock.call('POST', '/availability', { key: KEYS.barber, body: {} });
  return body.data;
}

/** Books a barber slot for a haircut through the API; `body` adds to or replaces the fields. */
export function bookBarberSlot(
  mock: Mock,
  slot: Slot,
  body: Record<string, unknown> = {},
  key: string = KEYS.barber,
) {
  return mock.call('POST', '/bookings', {
    key,
    body: {
      graph: 'instant',
      event: {
        start: slot.start,
        end: slot.end,
        what: 'Haircut',
        resource_id: slot.resources[0]!.id,
      },
      customer: customer(1),
      ...body,
    },
  });
}

/**
 * An owner's barber booking `hour` hours after NOW, made on the engine itself: no request, so
 * nothing a server does after a request (saving, answering) runs for it.
 */
export function bookOnEngine(engine: BookingEngine, hour: number) {
  return engine.createBooking(
    {
      graph: 'instant',
      project_id: 'proj_barber',
      ignore_capacity: true,
      event: {
        start: new Date(NOW + hour * 3_600_000).toISOString(),
        end: new Date(NOW + (hour + 1) * 3_600_000).toISOString(),
        what: 'Haircut',
        resource_id: 'res_barber',
      },
      customer: customer(hour),
    },
    { role: 'owner' },
  );
}

/** Three weekly coaching check-ins from 1 March 2027, booked by the owner; the series' id. */
export async function weeklySeries(mock: Mock): Promise<string> {
  const created = await mock.call('POST', '/bookings/recurring', {
    body: {
      booking: {
        graph: 'instant',
        resource_id: 'res_coach',
        event: { start: '2027-03-01T15:00:00Z', end: '2027-03-01T16:00:00Z', what: 'Check-in' },
        customer: customer(2),
      },
      recurring: { rrule: 'FREQ=WEEKLY;COUNT=3' },
    },
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  return created.body.data.collection_id;
}
