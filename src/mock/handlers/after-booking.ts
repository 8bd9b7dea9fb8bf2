import { http, HttpResponse } from 'msw';
import { projectSettingsInput } from '../../engine/project-settings.ts';
import type { MockApi } from '../api.ts';
import { decisionPage } from '../decision-page.ts';
import { endpoint, withBody } from '../http.ts';

/**
 * After the booking: the owner's project settings (manage links, reminders, SMS) and the
 * pages behind the one-click decision links of confirm_decline emails. The token in the path
 * is the only credential a decision page needs; GET only reads, POST decides.
 */
export function afterBookingHandlers(api: MockApi) {
  const { engine } = api;
  const answer = (page: { status: number; html: string }) =>
    new HttpResponse(page.html, {
      status: page.status,
      headers: {
        'Content-Type': 'text/html; charset=utf-8',
        'Cache-Control': 'no-store',
        'Referrer-Policy': 'no-referrer',
        'Content-Security-Policy':
          "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
      },
    });
  return [
    http.get(
      `${api.baseUrl}/projects/:id/settings`,
      endpoint(api, 'owner', ({ params, actor }) => ({
        data: engine.getProjectSettings(params.id!, actor),
      })),
    ),
    http.put(
      `${api.baseUrl}/projects/:id/settings`,
      endpoint(
        api,
        'owner',
        withBody(projectSettingsInput, ({ params, actor, body }) => ({
          data: engine.updateProjectSettings(params.id!, body, actor),
        })),
      ),
    ),
    http.get(`${api.baseUrl}/decisions/:token`, ({ request, params }) =>
      answer(
        decisionPage(engine.checkDecision(String(params.token)), new URL(request.url).pathname),
      ),
    ),
    http.post(`${api.baseUrl}/decisions/:token`, ({ request, params }) =>
      answer(
        decisionPage(engine.applyDecision(String(params.token)), new URL(request.url).pathname),
      ),
    ),
  ];
}
