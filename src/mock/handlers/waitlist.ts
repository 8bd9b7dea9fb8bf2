import { http } from 'msw';
import type { MockApi } from '../api.ts';
import { defined, endpoint, param, withQuery } from '../http.ts';

/**
 * The waitlist of sold-out classes: a widget key joins, the customer token (or the owner) reads
 * and leaves, the owner lists a class's queue. Register before bookings: `/bookings/:id`
 * would take `/bookings/waitlist`.
 */
export function waitlistHandlers(api: MockApi) {
  const base = `${api.baseUrl}/bookings/waitlist`;
  const { engine } = api;
  return [
    http.post(
      base,
      endpoint(api, 'public', ({ body, actor }) => ({
        status: 201,
        data: engine.joinWaitlist(body, actor),
      })),
    ),
    http.get(
      base,
      endpoint(
        api,
        'owner',
        withQuery(['owner_booking_id'], ({ url, actor }) => ({
          data: engine.listWaitlist(
            defined({ owner_booking_id: param(url, 'owner_booking_id') }),
            actor,
          ),
        })),
      ),
    ),
    http.get(
      `${base}/:id`,
      endpoint(
        api,
        'public',
        withQuery([], ({ params, actor }) => ({
          data: engine.getWaitlistEntry(params.id!, actor),
        })),
      ),
    ),
    http.delete(
      `${base}/:id`,
      endpoint(api, 'public', ({ params, actor }) => ({
        data: engine.leaveWaitlist(params.id!, actor),
      })),
    ),
  ];
}
