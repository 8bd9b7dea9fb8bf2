import { http } from 'msw';
import type { BookingInclude } from '../../engine/index.ts';
import { EngineError } from '../../engine/index.ts';
import { actionInput, rescheduleInput, statusInput } from '../../engine/input.ts';
import { updateInput } from '../../engine/edit.ts';
import { LIST_VIEWS } from '../../engine/listing-filters.ts';
import type { MockApi } from '../api.ts';
import {
  defined,
  endpoint,
  listParam,
  param,
  searchFilters,
  withBody,
  withQuery,
} from '../http.ts';

/** What a listing reads from its query. */
const LIST_QUERY = [
  'search',
  'state',
  'status',
  'since',
  'ids',
  'external_id',
  'graph',
  'start',
  'end',
  'resource_id',
  'project_id',
  'collection_id',
  'service_id',
  'event_id',
  'person_id',
  'include',
  'extended',
  'limit',
  'page',
] as const;

const INCLUDES: readonly string[] = [
  'attributes',
  'customers',
  'calendar',
  'logs',
  'related_bookings',
];

/** `include=attributes,related_bookings`: attributes, customers and calendar are always there. */
function includes(url: URL): BookingInclude[] {
  const asked = listParam(url, 'include') ?? [];
  const unknown = asked.filter((name) => !INCLUDES.includes(name));
  if (unknown.length) {
    throw new EngineError(
      'validation_failed',
      `include: unknown ${unknown.join(', ')}; allowed: ${INCLUDES.join(', ')}`,
      [{ path: 'include', message: `allowed: ${INCLUDES.join(', ')}` }],
    );
  }
  const chosen = (['logs', 'related_bookings'] as const).filter((name) => asked.includes(name));
  return extended(url) && !chosen.includes('related_bookings')
    ? [...chosen, 'related_bookings']
    : chosen;
}

/**
 * Makeplans' `extended=true`, "full data from related objects": resource, calendar and customers
 * are always whole here, so it adds the one related object that is not, the class's bookings.
 */
function extended(url: URL): boolean {
  const value = param(url, 'extended');
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  throw new EngineError('validation_failed', 'extended: must be true or false', [
    { path: 'extended', message: 'must be true or false' },
  ]);
}

function listQuery(url: URL, view?: string) {
  const search = searchFilters(param(url, 'search'));
  return defined({
    view,
    state: listParam(url, 'state') ?? (search.state ? [search.state] : undefined),
    graph: listParam(url, 'graph') ?? (search.graph ? [search.graph] : undefined),
    status: listParam(url, 'status'),
    start: param(url, 'start'),
    end: param(url, 'end'),
    since: param(url, 'since'),
    ids: listParam(url, 'ids'),
    external_id: param(url, 'external_id'),
    search: search.text,
    resource_id:
      listParam(url, 'resource_id') ?? (search.resource_id ? [search.resource_id] : undefined),
    project_id: param(url, 'project_id') ?? search.project_id,
    collection_id: param(url, 'collection_id'),
    service_id: listParam(url, 'service_id'),
    event_id: listParam(url, 'event_id'),
    person_id: listParam(url, 'person_id'),
  });
}

/** `limit` and `page` (1-based), as timekit-sdk passes them; no limit lists everything. */
function paginate<T>(items: T[], url: URL): { data: T[]; meta: Record<string, number> } {
  const limit = Number(param(url, 'limit') ?? items.length);
  const page = Number(param(url, 'page') ?? 1);
  for (const [name, value] of [
    ['limit', limit],
    ['page', page],
  ] as const) {
    if (!Number.isInteger(value) || value < (name === 'limit' ? 0 : 1)) {
      throw new EngineError(
        'validation_failed',
        `${name}: must be a whole number${name === 'page' ? ' from 1' : ''}`,
        [{ path: name, message: 'must be a whole number' }],
      );
    }
  }
  const data = items.slice((page - 1) * limit, page * limit);
  return { data, meta: { total: items.length, page, limit } };
}

/** Bookings: create, list (and the Makeplans views), get, actions, status, reschedule. Register last: `/bookings/:id` would swallow the other resources' paths. */
export function bookingHandlers(api: MockApi) {
  const base = `${api.baseUrl}/bookings`;
  const { engine } = api;
  const list = (url: URL, view?: string) => {
    const bookings = engine.listBookings(listQuery(url, view), { role: 'owner' });
    const include = includes(url);
    const { data, meta } = paginate(bookings, url);
    return {
      data: include.length
        ? data.map((booking) => engine.getBooking(booking.id, { role: 'owner' }, include))
        : data,
      meta,
    };
  };
  return [
    ...LIST_VIEWS.map((view) =>
      http.get(
        `${base}/${view}`,
        endpoint(
          api,
          'owner',
          withQuery(LIST_QUERY, ({ url }) => list(url, view)),
        ),
      ),
    ),
    http.get(
      base,
      endpoint(
        api,
        'owner',
        withQuery(LIST_QUERY, ({ url }) => list(url)),
      ),
    ),
    http.get(
      `${base}/find_by/external_id/:external_id`,
      endpoint(
        api,
        'owner',
        withQuery([], ({ params, actor }) => ({
          data: engine.findByExternalId(params.external_id!, actor),
        })),
      ),
    ),
    http.post(
      base,
      endpoint(api, 'public', ({ body, actor }) => ({
        status: 201,
        data: engine.createBooking(body, actor),
      })),
    ),
    http.get(
      `${base}/:id`,
      endpoint(
        api,
        'public',
        withQuery(['include', 'extended'], ({ params, actor, url }) => ({
          data: engine.getBooking(params.id!, actor, includes(url)),
        })),
      ),
    ),
    // Makeplans (seed 004): the owner deletes (state `deleted`) or edits a booking's attributes.
    http.delete(
      `${base}/:id`,
      endpoint(
        api,
        'owner',
        withQuery([], ({ params, actor }) => ({ data: engine.deleteBooking(params.id!, actor) })),
      ),
    ),
    http.put(
      `${base}/:id`,
      endpoint(
        api,
        'owner',
        withBody(updateInput, ({ params, actor, body }) => ({
          data: engine.updateBooking(params.id!, body, actor),
        })),
      ),
    ),
    http.put(
      `${base}/:id/status`,
      endpoint(
        api,
        'owner',
        withBody(statusInput, ({ params, actor, body }) => ({
          data: engine.setStatus(params.id!, body.status, actor),
        })),
      ),
    ),
    // booking.js posts here; msw matches timekit-sdk's trailing slash to the same path.
    http.post(
      `${base}/:id/reschedule`,
      endpoint(
        api,
        'public',
        withBody(rescheduleInput, ({ params, actor, body }) => ({
          data: engine.reschedule(params.id!, body, actor),
        })),
      ),
    ),
    ...[http.put, http.post].map((method) =>
      // PUT is the contract; seed 000's own curl example sends its decline as POST.
      method(
        `${base}/:id/:action`,
        endpoint(
          api,
          'public',
          withBody(actionInput, ({ params, actor, body }) => ({
            data: engine.performAction(params.id!, params.action!, body, actor),
          })),
        ),
      ),
    ),
  ];
}
