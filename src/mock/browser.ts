import { setupWorker } from 'msw/browser';
import { createMockApi, type MockApiOptions } from './api.ts';
import { createHandlers } from './routes.ts';

export interface MockWorkerOptions extends MockApiOptions {
  /** Where public/mockServiceWorker.js is served. */
  serviceWorkerUrl?: string;
  quiet?: boolean;
}

/** The mock API in the page, through a service worker: the sandbox and the component tests. */
export async function startMockWorker(options: MockWorkerOptions = {}) {
  const api = createMockApi(options);
  const worker = setupWorker(...createHandlers(api));
  await worker.start({
    serviceWorker: { url: options.serviceWorkerUrl ?? '/mockServiceWorker.js' },
    onUnhandledRequest: 'bypass',
    quiet: options.quiet ?? true,
  });
  return { api, worker };
}
