import { http } from 'msw';
import type { MockApi } from '../api.ts';
import { endpoint } from '../http.ts';

/** The graphs the engine runs, as the JSON it runs them from. */
export function graphHandlers(api: MockApi) {
  const base = `${api.baseUrl}/bookings/graphs`;
  return [
    http.get(
      base,
      endpoint(api, 'public', () => ({ data: api.engine.listGraphs() })),
    ),
    http.get(
      `${base}/:name`,
      endpoint(api, 'public', ({ params }) => ({ data: api.engine.getGraph(params.name!) })),
    ),
  ];
}
