import { http } from 'msw';
import type { MockApi } from '../api.ts';
import { defined, endpoint, param } from '../http.ts';

/** Public class listings: seats and rules, never who signed up. */
export function groupHandlers(api: MockApi) {
  const base = `${api.baseUrl}/bookings/groups`;
  return [
    http.get(
      base,
      endpoint(api, 'public', ({ url, actor }) => {
        const query = defined({
          start: param(url, 'start'),
          end: param(url, 'end'),
          resource_id: param(url, 'resource_id'),
          project_id: param(url, 'project_id'),
        });
        const data = api.engine.listGroups(query, actor);
        return { data, meta: { total: data.length } };
      }),
    ),
    http.get(
      `${base}/:id`,
      endpoint(api, 'public', ({ params }) => ({ data: api.engine.getGroup(params.id!) })),
    ),
  ];
}
