import { BookingEngine, ManualClock, seedDemo } from '../../../src/engine/index.ts';
import type { EngineError } from '../../../src/engine/errors.ts';
import { builtInGraphs } from '../../../src/engine/graphs/index.ts';
import { checkSnapshot } from '../../../src/engine/snapshot-check.ts';

/**
 * A sound store snapshot with one record of every kind (a class and a seat in it, a booking with
 * a project, resource, collection and hold, an offered waitlist entry and its hold, an email, a
 * webhook and a delivery), for the checkSnapshot tests to break in one place.
 */

export const NOW = Date.parse('2026-11-26T12:00:00Z');
export const HOUR = 3_600_000;
export const graphs = new Map(builtInGraphs.map((graph) => [graph.name, graph]));

export function sound(): any {
  const engine = new BookingEngine({ clock: new ManualClock(NOW) });
  seedDemo(engine);
  const store = structuredClone(engine.snapshot()) as any;
  const groupClass = store.bookings[0];
  const [project] = store.projects;
  const [resource] = store.resources;
  const [collection] = store.collections;
  const at = { created_at: NOW, updated_at: NOW };
  const base = { status: null, created_by: 'public', settings: {}, logs: [], ...at };
  const customer = { id: 'cus_1', name: 'Ada', email: 'ada@example.test' };
  store.bookings.push(
    {
      ...base,
      id: 'bk_seat',
      graph: 'group_customer',
      state: 'confirmed',
      customers: [customer],
      related: { owner_booking_id: groupClass.id, seats: 1 },
    },
    {
      ...base,
      id: 'bk_one',
      graph: 'instant',
      state: 'confirmed',
      customers: [customer],
      related: {},
      event: { start: NOW + 24 * HOUR, end: NOW + 25 * HOUR, what: 'Cut' },
      project_id: project.id,
      resource_id: resource.id,
      collection_id: collection.id,
      reservation_id: 'hold_1',
    },
  );
  const hold = {
    state: 'reserved',
    seats: 1,
    expires_at: NOW + HOUR,
    span_ms: HOUR,
    extended: false,
  };
  store.holds.push(
    {
      ...hold,
      id: 'hold_1',
      project_id: project.id,
      resource_id: resource.id,
      booking_id: 'bk_one',
      start: NOW + 24 * HOUR,
      end: NOW + 25 * HOUR,
      created_at: NOW,
    },
    {
      ...hold,
      id: 'hold_2',
      owner_booking_id: groupClass.id,
      start: groupClass.event.start,
      end: groupClass.event.end,
      created_at: NOW,
    },
  );
  store.outbox.push({
    id: 'out_1',
    kind: 'email',
    to: 'ada@example.test',
    subject: 'Booked',
    body: 'See you',
    booking_id: 'bk_one',
    state: 'sent',
    created_at: NOW,
  });
  store.webhooks = [
    {
      id: 'wh_1',
      url: 'https://example.test/hook',
      events: ['booking.created'],
      secret: 'whsec_1',
      created_at: NOW,
    },
  ];
  store.webhook_deliveries = [
    {
      id: 'del_1',
      webhook_id: 'wh_1',
      type: 'booking.created',
      created_at: NOW,
      body: '{}',
      state: 'delivered',
      attempts: [{ at: NOW, status_code: 200 }],
    },
  ];
  store.waitlist = [
    {
      id: 'wl_1',
      state: 'offered',
      project_id: project.id,
      owner_booking_id: groupClass.id,
      seats: 1,
      customer: { id: 'cus_2', name: 'Bo', email: 'bo@example.test' },
      customer_token: 'tok_2',
      hold_id: 'hold_2',
      ...at,
    },
  ];
  return store;
}

export const SEAT = 15;
export const ONE = 16;

/** What checkSnapshot refuses `store` with: every detail, or undefined when it passes. */
export function refusal(store: unknown, prefix?: string) {
  try {
    checkSnapshot(store, graphs, prefix);
    return undefined;
  } catch (error) {
    const { code, message, details } = error as EngineError;
    return { code, message, details };
  }
}
