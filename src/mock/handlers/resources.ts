import { http } from 'msw';
import type { MockApi } from '../api.ts';
import { endpoint } from '../http.ts';

/** Public resource fields only: id, name, timezone. */
export function resourceHandlers(api: MockApi) {
  const base = `${api.baseUrl}/resources`;
  return [
    http.get(
      base,
      endpoint(api, 'public', () => ({ data: api.engine.listResources() })),
    ),
    http.get(
      `${base}/:id`,
      endpoint(api, 'public', ({ params }) => ({ data: api.engine.getResource(params.id!) })),
    ),
  ];
}
