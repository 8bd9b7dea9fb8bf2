import { http, HttpResponse } from 'msw';
import type { MockApi } from './api.ts';
import { corsHeaders, mockGuard } from './http.ts';
import { afterBookingHandlers } from './handlers/after-booking.ts';
import { availabilityHandlers } from './handlers/availability.ts';
import { bookingHandlers } from './handlers/bookings.ts';
import { verifyCodeHandler } from './handlers/verify-code.ts';
import { graphHandlers } from './handlers/graphs.ts';
import { groupHandlers } from './handlers/groups.ts';
import { holdHandlers } from './handlers/holds.ts';
import { mockControlHandlers } from './handlers/mock-control.ts';
import { projectHandlers } from './handlers/projects.ts';
import { recurringHandlers } from './handlers/recurring.ts';
import { resourceHandlers } from './handlers/resources.ts';
import { webhookHandlers } from './handlers/webhooks.ts';
import { waitlistHandlers } from './handlers/waitlist.ts';
import { serviceHandlers } from './handlers/services.ts';

/** CORS preflight for a widget on another origin: it sends Authorization and Idempotency-Key. */
function preflight(api: MockApi) {
  return http.options(
    `${api.baseUrl}/*`,
    ({ request }) =>
      new HttpResponse(null, {
        status: 204,
        headers: {
          ...corsHeaders(request),
          'Access-Control-Allow-Methods': 'GET, POST, PUT, DELETE, OPTIONS',
          'Access-Control-Allow-Headers':
            request.headers.get('Access-Control-Request-Headers') ??
            'Authorization, X-API-KEY, Content-Type, Idempotency-Key, X-Customer-Token, Timekit-App',
          'Access-Control-Max-Age': '600',
        },
      }),
  );
}

/**
 * Every handler of the mock API, in matching order: the `/_mock` guard first (it answers
 * refusals and its own preflight, or lets the request on), `/bookings/:id` last.
 */
export function createHandlers(api: MockApi) {
  return [
    http.all(`${api.baseUrl}/_mock/*`, mockGuard(api)),
    preflight(api),
    ...mockControlHandlers(api),
    ...groupHandlers(api),
    ...graphHandlers(api),
    ...holdHandlers(api),
    ...recurringHandlers(api),
    ...availabilityHandlers(api),
    ...afterBookingHandlers(api),
    ...projectHandlers(api),
    ...resourceHandlers(api),
    ...webhookHandlers(api),
    ...waitlistHandlers(api),
    ...serviceHandlers(api),
    verifyCodeHandler(api),
    ...bookingHandlers(api),
  ];
}
