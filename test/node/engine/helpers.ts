import assert from 'node:assert/strict';
import type { SlotQuery } from '../../../src/engine/availability.ts';
import {
  BookingEngine,
  EngineError,
  ManualClock,
  OWNER,
  type Actor,
  type ResourceRecord,
  type ProjectRecord,
} from '../../../src/engine/index.ts';

/** A fixed, DST-free starting point: Monday 2026-11-23 08:00 UTC. */
export const T0 = Date.parse('2026-11-23T08:00:00Z');
export const HOUR = 3_600_000;
export const MINUTE = 60_000;
export const DAY = 24 * HOUR;
/** Tuesday 2026-11-24 10:00 UTC: a time the test resource is open (09:00-17:00), a day ahead. */
export const SLOT = T0 + DAY + 2 * HOUR;

export const OWNER_EMAIL = 'doc@hillvalley.test';
export const MARTY = {
  name: 'Marty McFly',
  email: 'marty@hillvalley.test',
  phone: '1-591-001-5403',
  voip: 'McFly',
  timezone: 'America/Los_Angeles',
};

export const openAllWeek = (hours: Array<[string, string]> = [['00:00', '24:00']]) => ({
  mon: hours,
  tue: hours,
  wed: hours,
  thu: hours,
  fri: hours,
  sat: hours,
  sun: hours,
});

export function testResource(overrides: Partial<ResourceRecord> = {}): ResourceRecord {
  return {
    id: 'res_doc',
    name: 'Doc Brown',
    email: OWNER_EMAIL,
    timezone: 'UTC',
    weekly_hours: openAllWeek([['09:00', '17:00']]),
    events: [],
    calendar: { id: 'cal_doc', name: 'My calendar' },
    ...overrides,
  };
}

export function testProject(overrides: Partial<ProjectRecord> = {}): ProjectRecord {
  return {
    id: 'proj',
    name: 'Test project',
    app_key: 'widget_key',
    graph: 'instant',
    // The unit tests book every graph through one widget key; real projects offer one.
    graphs: [
      'instant',
      'instant_payment',
      'confirm_decline',
      'group_customer',
      'group_customer_payment',
    ],
    resources: ['res_doc'],
    owner_email: OWNER_EMAIL,
    availability: { length: '1 hour', mode: 'roundrobin_prioritized' },
    hold_duration: '10 minutes',
    booking_horizon: '6 months',
    booking_settings: {},
    customer_fields: {},
    ui: {},
    webhooks: [],
    ...overrides,
  };
}

/** An engine on a manual clock with readable ids and one resource in one project. */
export function makeEngine(
  options: { start?: number; resources?: ResourceRecord[]; projects?: ProjectRecord[] } = {},
) {
  const clock = new ManualClock(options.start ?? T0);
  let counter = 0;
  let seed = 42;
  const engine = new BookingEngine({
    clock,
    ids: () => `id_${(counter += 1)}`,
    // A tiny LCG keeps roundrobin and verification codes reproducible.
    random: () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31,
  });
  for (const resource of options.resources ?? [testResource()]) engine.addResource(resource);
  for (const project of options.projects ?? [testProject()]) engine.addProject(project);
  return { engine, clock };
}

export const PUBLIC: Actor = { role: 'public', projectId: 'proj' };
/** A visitor of the test project holding a booking's customer token. */
export const customerOf = (token: string): Actor => ({ ...PUBLIC, customerToken: token });
export { OWNER };

export const iso = (ms: number) => new Date(ms).toISOString();

/** A 1:1 create body at `start` for `minutes`. */
export function oneToOne(
  graph: string,
  start: number,
  minutes = 60,
  extra: Record<string, unknown> = {},
) {
  return {
    graph,
    event: {
      start: iso(start),
      end: iso(start + minutes * MINUTE),
      what: 'Mens haircut',
      where: 'Sesame St',
      resource_id: 'res_doc',
    },
    customer: MARTY,
    ...extra,
  };
}

export function openClass(
  engine: BookingEngine,
  start: number,
  settings: Record<string, unknown> = { max_seats: 20 },
) {
  return engine.createBooking(
    {
      graph: 'group_owner',
      settings,
      event: {
        start: iso(start),
        end: iso(start + HOUR),
        what: 'Doc Brown\u2019s Friday Yoga Class',
        resource_id: 'res_doc',
      },
    },
    OWNER,
  );
}

export function signUp(
  engine: BookingEngine,
  classId: string,
  seats = 1,
  actor: Actor = PUBLIC,
  graph = 'group_customer',
  n = 0,
) {
  return engine.createBooking(
    {
      graph,
      related: { owner_booking_id: classId, seats },
      customer: { name: `Customer ${n}`, email: `customer${n}@example.test` },
    },
    actor,
  );
}

/** Asserts that a failing call leaves the store exactly as it was. */
export function snapshotJson(engine: BookingEngine): string {
  return JSON.stringify(engine.snapshot());
}

/** Asserts that `work` is refused with `code` (and a message matching `message`); the refusal. */
export function rejects(work: () => unknown, code: string, message?: RegExp): EngineError {
  let caught: unknown;
  assert.throws(work, (error: unknown) => {
    caught = error;
    assert.ok(error instanceof EngineError, `expected EngineError, got ${String(error)}`);
    assert.equal(error.code, code, error.message);
    if (message) assert.match(error.message, message);
    return true;
  });
  return caught as EngineError;
}

/** `work` refused with `code` and the store exactly as it was; the refusal. */
export function refusedUnchanged(engine: BookingEngine, work: () => unknown, code: string) {
  const before = snapshotJson(engine);
  const refusal = rejects(work, code);
  assert.equal(snapshotJson(engine), before, 'a refused call changes nothing');
  return refusal;
}

/** A confirm_decline request and the two links of the owner's "Please confirm" email. */
export function decisionRequest(page: string, projects?: ProjectRecord[]) {
  const made = makeEngine(projects ? { projects } : {});
  made.engine.setDecisionPage(page);
  const booking = made.engine.createBooking(
    oneToOne('confirm_decline', T0 + DAY + 2 * HOUR),
    PUBLIC,
  );
  const mail = made.engine
    .outbox()
    .find((entry) => entry.to === OWNER_EMAIL && entry.subject.startsWith('Please confirm'))!;
  const token = (action: 'confirm' | 'decline') => mail.links![action]!.slice(page.length + 1);
  return { ...made, booking, mail, token };
}

/**
 * A slot query for findSlots: Monday 2 March 2026 as one UTC day, 1-hour slots on the hour, no
 * resources, nothing busy, unless `overrides` say otherwise.
 */
export function slotQuery(overrides: Partial<SlotQuery> = {}): SlotQuery {
  return {
    resources: [],
    busy: new Map(),
    from: Date.parse('2026-03-02T00:00:00Z'),
    to: Date.parse('2026-03-03T00:00:00Z'),
    lengthMs: HOUR,
    incrementMs: HOUR,
    bufferMs: 0,
    mode: 'roundrobin_prioritized',
    ...overrides,
  };
}
