import { http } from 'msw';
import { extendInput } from '../../engine/input.ts';
import type { MockApi } from '../api.ts';
import { endpoint, withBody } from '../http.ts';

/** Seat and slot holds (Appointedd's expiring reservation slots). */
export function holdHandlers(api: MockApi) {
  const base = `${api.baseUrl}/bookings/reserve`;
  const { engine } = api;
  return [
    http.post(
      base,
      endpoint(api, 'public', ({ body, actor }) => ({
        status: 201,
        data: engine.reserve(body, actor),
      })),
    ),
    http.put(
      `${base}/extend`,
      endpoint(
        api,
        'public',
        withBody(extendInput, ({ body, actor }) => ({ data: engine.extendHold(body.id, actor) })),
      ),
    ),
    http.get(
      `${base}/:id`,
      endpoint(api, 'public', ({ params, actor }) => ({
        data: engine.getHold(params.id!, actor),
      })),
    ),
    http.delete(
      `${base}/:id`,
      endpoint(api, 'public', ({ params, actor }) => ({
        data: engine.releaseHold(params.id!, actor),
      })),
    ),
  ];
}
