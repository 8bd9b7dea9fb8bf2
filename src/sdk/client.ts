import * as z from 'zod/mini';
import {
  availableDate,
  availableSlot,
  type AvailableDate,
  type AvailableSlot,
} from '../schemas/availability.ts';
import type { Booking } from '../schemas/booking.ts';
import { envelope, resource, type Resource } from '../schemas/common.ts';
import type { GraphDefinition } from '../schemas/graph.ts';
import { group, type Group } from '../schemas/group.ts';
import type { Hold } from '../schemas/hold.ts';
import { embedConfig, type EmbedConfig } from '../schemas/project.ts';
import type { JoinWaitlistRequest, WaitlistEntry } from '../schemas/waitlist.ts';
import type {
  ActionBody,
  AvailabilityRequest,
  BookingInclude,
  CreateBookingRequest,
  CustomerAction,
  GroupsQuery,
  RescheduleRequest,
  ReserveRequest,
} from '../schemas/requests.ts';
import { serverClock } from './clock.ts';
import { claimEarly } from './early.ts';
import { SlotkitNetworkError } from './errors.ts';
import { backoffDelay, send, type RequestSpec, type TransportConfig } from './transport.ts';

export interface ClientOptions {
  /** The API root, e.g. `https://api.example.com/v2`. */
  baseUrl: string;
  /** The project's public widget key. */
  appKey: string;
  /** A booking's token, sent as `X-Customer-Token` to act on that booking. */
  customerToken?: string;
  /** Defaults to the global fetch, looked up at call time (so test interceptors apply). */
  fetch?: typeof fetch;
  /** For the whole call, retries included. Default 15 000. */
  timeoutMs?: number;
  headers?: HeadersInit;
  /** Extra attempts for reads and idempotent writes on network errors and 5xx. Default 2. */
  retries?: number;
  /** Milliseconds to wait before retry n (1-based). Default 200, 400, 800... with jitter. */
  retryDelay?: (attempt: number) => number;
}

export interface CallOptions {
  signal?: AbortSignal;
}

export interface TokenOptions extends CallOptions {
  /** Overrides the client's token for this call. */
  customerToken?: string;
}

export interface SlotkitClient {
  availability(body: AvailabilityRequest, options?: CallOptions): Promise<AvailableSlot[]>;
  availabilityDates(body: AvailabilityRequest, options?: CallOptions): Promise<AvailableDate[]>;
  groups(query?: GroupsQuery, options?: CallOptions): Promise<Group[]>;
  group(id: string, options?: CallOptions): Promise<Group>;
  reserve(body: ReserveRequest, options?: CallOptions & { idempotencyKey?: string }): Promise<Hold>;
  extendHold(id: string, options?: CallOptions): Promise<Hold>;
  releaseHold(id: string, options?: CallOptions): Promise<Hold>;
  /** The hold as the server sees it now (its state, and a fresh clock offset). */
  getHold(id: string, options?: CallOptions): Promise<Hold>;
  /** Sends an Idempotency-Key (a new UUID unless given) and retries with it: never books twice. */
  createBooking(
    body: CreateBookingRequest,
    options?: CallOptions & { idempotencyKey?: string },
  ): Promise<Booking>;
  getBooking(
    id: string,
    options?: TokenOptions & { include?: readonly BookingInclude[] },
  ): Promise<Booking>;
  /** `PUT /bookings/:id/:action`; input nests under the action's name: `{ pay: { ... } }`. */
  performAction(
    id: string,
    action: CustomerAction,
    body?: ActionBody,
    options?: TokenOptions,
  ): Promise<Booking>;
  /** Moves the booking: it ends `rescheduled_by_customer`, linked to a new booking. */
  reschedule(id: string, body: RescheduleRequest, options?: TokenOptions): Promise<Booking>;
  /** Joins a sold-out class's waitlist; the answer carries the entry's `customer_token` once. */
  joinWaitlist(
    body: JoinWaitlistRequest,
    options?: CallOptions & { idempotencyKey?: string },
  ): Promise<WaitlistEntry>;
  getWaitlistEntry(id: string, options?: TokenOptions): Promise<WaitlistEntry>;
  /** Leaves the waitlist (an offer held is released and passes on). */
  leaveWaitlist(id: string, options?: TokenOptions): Promise<WaitlistEntry>;
  projectConfig(projectId: string, options?: CallOptions): Promise<EmbedConfig>;
  graphs(options?: CallOptions): Promise<GraphDefinition[]>;
  graph(name: string, options?: CallOptions): Promise<GraphDefinition>;
  resources(options?: CallOptions): Promise<Resource[]>;
  /** The same client (and clock) acting with a booking's customer token. */
  withCustomerToken(token: string): SlotkitClient;
  /** Server time minus local time, from the responses' Date headers; 0 until the first answer. */
  clockOffsetMs(): number;
  /** The server's current time in epoch ms: what countdowns compare `expires_at` with. */
  serverNow(): number;
}

type Method = RequestSpec<unknown>['method'];
type Extra = Pick<
  RequestSpec<unknown>,
  'query' | 'body' | 'idempotencyKey' | 'customerToken' | 'signal'
>;

type LaterSchemas = typeof import('./later-schemas.ts');

/** later-schemas.ts once imported; a failed import is tried again by the next call. */
let laterSchemas: Promise<LaterSchemas> | undefined;
const loadLater = () =>
  (laterSchemas ??= import('./later-schemas.ts').catch((error: unknown) => {
    laterSchemas = undefined;
    throw error;
  }));

/**
 * A response schema: given, or picked from later-schemas.ts, imported before the call's request
 * is sent: a schema that cannot be loaded (offline) fails the call as a network error, which the
 * widget shows with its retry, and nothing was sent (no hold left behind). Browsers fetch the
 * file when idle after the first paint (createClient), so the first hold seldom waits for it.
 */
type SchemaSource<T> = z.ZodMiniType<T> | ((later: LaterSchemas) => z.ZodMiniType<T>);

/**
 * One endpoint: `:name` segments of the template are filled from `params` in order, and the
 * template itself names the endpoint in errors. `retry` says whether sending it twice is safe.
 */
const route = <T>(method: Method, template: string, data: SchemaSource<T>, retry: boolean) => {
  const endpoint = `${method} ${template}`;
  const given = typeof data === 'function' ? undefined : envelope(data);
  const schema = async () => {
    try {
      return envelope((data as (later: LaterSchemas) => z.ZodMiniType<T>)(await loadLater()));
    } catch (cause) {
      throw new SlotkitNetworkError(endpoint, cause);
    }
  };
  return async (config: TransportConfig, extra: Extra, ...params: string[]): Promise<T> => {
    let next = 0;
    return send(config, {
      method,
      endpoint,
      // Each call below passes one value per `:name`.
      path: template.replace(/:\w+/g, () => encodeURIComponent(params[next++]!)),
      // A schema at hand is not awaited: the request leaves before the caller's next line runs.
      schema: given ?? (await schema()),
      retry,
      ...extra,
    });
  };
};

const availability = route('POST', '/availability', z.array(availableSlot), true);
const availabilityDates = route('POST', '/availability/dates', z.array(availableDate), true);
const groups = route('GET', '/bookings/groups', z.array(group), true);
const oneGroup = route('GET', '/bookings/groups/:id', group, true);
// Writes that carry an Idempotency-Key: a retry gets the first answer, never a second hold.
const reserve = route('POST', '/bookings/reserve', (later) => later.hold, true);
// A second extend after a lost answer would be refused ("already extended"): not retried.
const extendHold = route('PUT', '/bookings/reserve/extend', (later) => later.hold, false);
// Releasing twice answers the same.
const releaseHold = route('DELETE', '/bookings/reserve/:id', (later) => later.hold, true);
const getHold = route('GET', '/bookings/reserve/:id', (later) => later.hold, true);
const createBooking = route('POST', '/bookings', (later) => later.booking, true);
const getBooking = route('GET', '/bookings/:id', (later) => later.booking, true);
const performAction = route('PUT', '/bookings/:id/:action', (later) => later.booking, false);
const reschedule = route('POST', '/bookings/:id/reschedule', (later) => later.booking, false);
const joinWaitlist = route('POST', '/bookings/waitlist', (later) => later.waitlistEntry, true);
const getWaitlistEntry = route('GET', '/bookings/waitlist/:id', (l) => l.waitlistEntry, true);
// Leaving twice is refused ("can no longer be left"): not retried.
const leaveWaitlist = route('DELETE', '/bookings/waitlist/:id', (l) => l.waitlistEntry, false);
const projectConfig = route('GET', '/projects/embed/:id', embedConfig, true);
const graphs = route('GET', '/bookings/graphs', (later) => later.graphDefinitions, true);
const oneGraph = route('GET', '/bookings/graphs/:name', (later) => later.graphDefinition, true);
const resources = route('GET', '/resources', z.array(resource), true);

/** crypto.randomUUID only exists on secure pages; a widget may be embedded on plain http. */
function newKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export function createClient(options: ClientOptions): SlotkitClient {
  if (!options.baseUrl) throw new TypeError('slotkit: createClient needs a baseUrl');
  if (!options.appKey) throw new TypeError('slotkit: createClient needs an appKey');
  // The later steps' schemas, fetched while the visitor looks at the first step.
  globalThis.requestIdleCallback?.(() => void loadLater().catch(() => undefined));
  return bind({
    baseUrl: options.baseUrl,
    appKey: options.appKey,
    customerToken: options.customerToken,
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    timeoutMs: options.timeoutMs ?? 15_000,
    headers: options.headers,
    retries: Math.max(0, Math.floor(options.retries ?? 2)),
    retryDelay: options.retryDelay ?? ((attempt) => backoffDelay(attempt)),
    clock: serverClock(),
    // The script tag's early requests went through the global fetch: only its stand-in adopts.
    claimEarly: options.fetch ? undefined : claimEarly,
  });
}

function bind(c: TransportConfig): SlotkitClient {
  const key = (options?: { idempotencyKey?: string }) => options?.idempotencyKey ?? newKey();
  return {
    availability: (body, options) => availability(c, { ...options, body }),
    availabilityDates: (body, options) => availabilityDates(c, { ...options, body }),
    groups: (query, options) => groups(c, { ...options, query: { ...query } }),
    group: (id, options) => oneGroup(c, { ...options }, id),
    reserve: (body, options) => reserve(c, { ...options, body, idempotencyKey: key(options) }),
    extendHold: (id, options) => extendHold(c, { ...options, body: { id } }),
    releaseHold: (id, options) => releaseHold(c, { ...options }, id),
    getHold: (id, options) => getHold(c, { ...options }, id),
    createBooking: (body, options) =>
      createBooking(c, { ...options, body, idempotencyKey: key(options) }),
    getBooking: (id, options) =>
      getBooking(
        c,
        {
          ...options,
          query: { include: options?.include?.join(',') || undefined },
        },
        id,
      ),
    performAction: (id, action, body = {}, options) =>
      performAction(c, { ...options, body }, id, action),
    reschedule: (id, body, options) => reschedule(c, { ...options, body }, id),
    joinWaitlist: (body, options) =>
      joinWaitlist(c, { ...options, body, idempotencyKey: key(options) }),
    getWaitlistEntry: (id, options) => getWaitlistEntry(c, { ...options }, id),
    leaveWaitlist: (id, options) => leaveWaitlist(c, { ...options }, id),
    projectConfig: (id, options) => projectConfig(c, { ...options }, id),
    graphs: (options) => graphs(c, { ...options }),
    graph: (name, options) => oneGraph(c, { ...options }, name),
    resources: (options) => resources(c, { ...options }),
    withCustomerToken: (token) => bind({ ...c, customerToken: token }),
    clockOffsetMs: () => c.clock.offsetMs(),
    serverNow: () => c.clock.now(),
  };
}
