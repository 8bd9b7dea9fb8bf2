import { http } from 'msw';
import { graphSvg } from '../../engine/graphs/svg.ts';
import type { MockApi } from '../api.ts';
import { endpoint } from '../http.ts';

/** The graphs the engine runs, as the JSON it runs them from, or as a picture (`:name.svg`). */
export function graphHandlers(api: MockApi) {
  const base = `${api.baseUrl}/bookings/graphs`;
  return [
    http.get(
      base,
      endpoint(api, 'public', () => ({ data: api.engine.listGraphs() })),
    ),
    http.get(
      `${base}/:name`,
      endpoint(api, 'public', ({ params }) => {
        const name = params.name!;
        if (!name.endsWith('.svg')) return { data: api.engine.getGraph(name) };
        const graph = api.engine.getGraph(name.slice(0, -'.svg'.length));
        return { data: null, raw: { body: graphSvg(graph), contentType: 'image/svg+xml' } };
      }),
    ),
  ];
}
