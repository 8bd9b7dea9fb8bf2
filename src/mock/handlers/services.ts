import { http } from 'msw';
import { EngineError } from '../../engine/index.ts';
import type { MockApi } from '../api.ts';
import { endpoint, withQuery } from '../http.ts';

/** Appointedd's `GET /services` (seed 003): the projects as services. */
export function serviceHandlers(api: MockApi) {
  const base = `${api.baseUrl}/services`;
  return [
    http.get(
      base,
      endpoint(
        api,
        'public',
        // The seed's own request is `GET /services?limit=1`.
        withQuery(['limit'], ({ actor, url }) => {
          const all = api.engine.listServices(actor);
          const limit = Number(url.searchParams.get('limit') ?? all.length);
          if (!Number.isInteger(limit) || limit < 0)
            throw new EngineError('validation_failed', 'limit: must be a whole number', [
              { path: 'limit', message: 'must be a whole number' },
            ]);
          return { data: all.slice(0, limit), meta: { total: all.length } };
        }),
      ),
    ),
    http.get(
      `${base}/:id`,
      endpoint(
        api,
        'public',
        withQuery([], ({ params, actor }) => ({ data: api.engine.getService(params.id!, actor) })),
      ),
    ),
  ];
}
