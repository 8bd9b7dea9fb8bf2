import { http } from 'msw';
import type { MockApi } from '../api.ts';
import { endpoint } from '../http.ts';

/** Public resource fields only: id, name, timezone. */
export function resourceHandlers(api: MockApi) {
  const base = `${api.baseUrl}/resources`;
  return [
    http.get(
      base,
      endpoint(api, 'public', ({ actor }) => ({ data: api.engine.listResources(actor) })),
    ),
    http.get(
      `${base}/:id`,
      endpoint(api, 'public', ({ params, actor }) => ({
        data: api.engine.getResource(params.id!, actor),
      })),
    ),
  ];
}
