import type { SetupWorker } from 'msw/browser';
import type { MockApi } from '../src/mock/api.ts';
import { startMockWorker } from '../src/mock/browser.ts';

/** The mock booking API running in this page, and where it answers. */
export interface SandboxMock {
  api: MockApi;
  worker: SetupWorker;
  /** `<page's directory>/v2`: the handlers answer here and the widget's base-url points here. */
  apiBase: string;
}

/**
 * Starts the engine behind a service worker. Every URL is relative to the page, so the built
 * sandbox works from any static host and any sub-path.
 */
export async function startSandboxMock(): Promise<SandboxMock> {
  const apiBase = new URL('v2', document.baseURI).href;
  const { api, worker } = await startMockWorker({
    serviceWorkerUrl: new URL('mockServiceWorker.js', document.baseURI).href,
    baseUrl: apiBase,
  });
  return { api, worker, apiBase };
}

/** Calls one of the `_mock` control endpoints (clock, reset, snapshot) and returns its `data`. */
export async function mockControl<T = unknown>(
  mock: SandboxMock,
  method: 'GET' | 'POST' | 'PUT',
  path: 'clock' | 'reset' | 'snapshot',
  body?: unknown,
): Promise<T> {
  const response = await fetch(`${mock.apiBase}/_mock/${path}`, {
    method,
    ...(body === undefined
      ? {}
      : { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
  });
  const json = (await response.json().catch(() => undefined)) as
    { data?: T; error?: { message?: string } } | undefined;
  if (!response.ok) {
    throw new Error(json?.error?.message ?? `${method} _mock/${path} answered ${response.status}`);
  }
  return json?.data as T;
}

/** What a decision link's POST came to, in the owner's words. */
export type DecisionOutcome = 'done' | 'already decided' | 'expired' | 'not valid';

const DECISION_OUTCOMES: Record<number, DecisionOutcome> = {
  200: 'done',
  409: 'already decided',
  410: 'expired',
  404: 'not valid',
};

/**
 * Uses a confirm_decline email's link as its page's form would: `POST /v2/decisions/:token`.
 * The link names `npm run api`'s address, which the sandbox's service worker cannot open as a
 * page, so only its token (the last path segment) is taken, and posted to this page's mock.
 */
export async function postDecision(mock: SandboxMock, href: string): Promise<DecisionOutcome> {
  const token = new URL(href).pathname.split('/').pop() ?? '';
  const response = await fetch(`${mock.apiBase}/decisions/${encodeURIComponent(token)}`, {
    method: 'POST',
  });
  const outcome = DECISION_OUTCOMES[response.status];
  if (!outcome) throw new Error(`POST decisions answered ${response.status}`);
  return outcome;
}
