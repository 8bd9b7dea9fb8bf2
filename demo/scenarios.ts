import { delay, http, HttpResponse } from 'msw';
import { fillClasses } from './fill-classes.ts';
import type { SandboxMock } from './sandbox-mock.ts';

export const SCENARIOS = [
  { id: 'normal', label: 'Normal', hint: 'The API answers at once.' },
  {
    id: 'slow',
    label: 'Slow network',
    hint: 'Every widget request waits 2.5 seconds: watch the loading states.',
  },
  {
    id: 'errors',
    label: 'Server errors',
    hint: 'Holding a time and booking answer 500: watch the error states.',
  },
  {
    id: 'sold-out',
    label: 'Sold out',
    hint: 'Every open class is filled to its last seat (the seats stay taken until Reset).',
  },
] as const;

export type Scenario = (typeof SCENARIOS)[number]['id'];

export const isScenario = (value: unknown): value is Scenario =>
  SCENARIOS.some((scenario) => scenario.id === value);

/** The sandbox's own plumbing (snapshot, clock) is never slowed down or broken. */
const isControl = (request: Request) => new URL(request.url).pathname.includes('/_mock/');

function serverError() {
  return HttpResponse.json(
    {
      error: {
        status: 500,
        code: 'server_error',
        message: 'The sandbox\u2019s "Server errors" scenario answers every booking with a 500.',
      },
    },
    { status: 500 },
  );
}

/**
 * Puts a scenario in place: request handlers in front of the mock API's own (a handler that
 * returns nothing lets the request fall through to them), or a change to the data.
 */
export function applyScenario(mock: SandboxMock, scenario: Scenario): void {
  const { worker, apiBase } = mock;
  worker.resetHandlers();
  if (scenario === 'slow') {
    worker.use(
      http.all(`${apiBase}/*`, async ({ request }) => {
        if (!isControl(request)) await delay(2500);
      }),
    );
  } else if (scenario === 'errors') {
    worker.use(
      http.post(`${apiBase}/bookings`, serverError),
      http.post(`${apiBase}/bookings/reserve`, serverError),
    );
  } else if (scenario === 'sold-out') {
    fillClasses(mock.api.engine);
  }
}
