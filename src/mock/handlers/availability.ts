import { http } from 'msw';
import type { MockApi } from '../api.ts';
import { endpoint } from '../http.ts';

/** FindTime-style availability, and the days that have any (for painting a month first). */
export function availabilityHandlers(api: MockApi) {
  const base = `${api.baseUrl}/availability`;
  return [
    http.post(
      base,
      endpoint(api, 'public', ({ body, actor }) => ({
        data: api.engine.availability(body, actor),
      })),
    ),
    http.post(
      `${base}/dates`,
      endpoint(api, 'public', ({ body, actor }) => ({
        data: api.engine.availabilityDates(body, actor),
      })),
    ),
  ];
}
