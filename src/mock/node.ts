import { setupServer } from 'msw/node';
import { createMockApi, type MockApiOptions } from './api.ts';
import { createHandlers } from './routes.ts';

/** The mock API inside a Node process (tests): intercepts fetch, no port opened. */
export function createMockServer(options: MockApiOptions = {}) {
  const api = createMockApi(options);
  const server = setupServer(...createHandlers(api));
  return { api, server };
}
