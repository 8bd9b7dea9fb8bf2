import { http } from 'msw';
import type { MockApi } from '../api.ts';
import { defined, endpoint, param, searchFilters, withQuery } from '../http.ts';

/** Public class listings: seats and rules, never who signed up. */
export function groupHandlers(api: MockApi) {
  const base = `${api.baseUrl}/bookings/groups`;
  return [
    http.get(
      base,
      endpoint(
        api,
        'public',
        withQuery(
          ['search', 'start', 'end', 'resource_id', 'project_id', 'timezone', 'spaces'],
          ({ url, actor, request }) => {
            // booking.js asks `?search=project.id:<id>` with its zone in Timekit-Timezone.
            const search = searchFilters(param(url, 'search'));
            const query = defined({
              start: param(url, 'start'),
              end: param(url, 'end'),
              spaces: param(url, 'spaces'),
              resource_id: param(url, 'resource_id') ?? search.resource_id,
              project_id: param(url, 'project_id') ?? search.project_id,
              timezone:
                param(url, 'timezone') ?? request.headers.get('Timekit-Timezone') ?? undefined,
            });
            const data = api.engine.listGroups(query, actor);
            return { data, meta: { total: data.length } };
          },
        ),
      ),
    ),
    http.get(
      `${base}/:id`,
      endpoint(api, 'public', ({ params, actor }) => ({
        data: api.engine.getGroup(params.id!, actor),
      })),
    ),
  ];
}
