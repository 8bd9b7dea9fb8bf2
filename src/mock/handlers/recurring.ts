import { http } from 'msw';
import type { MockApi } from '../api.ts';
import { cancelCollectionInput } from '../../engine/input.ts';
import { endpoint, withBody, withQuery } from '../http.ts';

/** Makeplans-style recurring series: one collection_id for every occurrence. */
export function recurringHandlers(api: MockApi) {
  const base = `${api.baseUrl}/bookings/recurring`;
  const { engine } = api;
  return [
    http.post(
      base,
      endpoint(api, 'owner', ({ body, actor }) => ({
        status: 201,
        data: engine.createRecurring(body, actor),
      })),
    ),
    http.get(
      `${base}/:id`,
      endpoint(api, 'owner', ({ params }) => ({ data: engine.getCollection(params.id!) })),
    ),
    http.delete(
      `${base}/:id`,
      endpoint(
        api,
        'owner',
        withQuery([], ({ params, actor }) => ({
          data: engine.deleteCollection(params.id!, actor),
        })),
      ),
    ),
    http.put(
      `${base}/:id/cancel`,
      endpoint(
        api,
        'owner',
        withBody(cancelCollectionInput, ({ params, body }) => ({
          data: engine.cancelCollection(params.id!, body),
        })),
      ),
    ),
  ];
}
