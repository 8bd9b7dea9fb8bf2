import { http } from 'msw';
import { EngineError } from '../../engine/index.ts';
import type { MockApi } from '../api.ts';
import { endpoint } from '../http.ts';

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
      endpoint(api, 'public', ({ body, actor }) => {
        const id = (body as { id?: unknown } | undefined)?.id;
        if (typeof id !== 'string' || !id) {
          throw new EngineError('validation_failed', 'id: the hold to extend is required', [
            { path: 'id', message: 'is required' },
          ]);
        }
        return { data: engine.extendHold(id, actor) };
      }),
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
