/** `slotkit/mock`: the engine and the API handlers, for testing an integration offline. */
import type * as Routes from './routes.ts';

export {
  createMockApi,
  MockApi,
  type AdjustableClock,
  type MockApiOptions,
  type Seed,
} from './api.ts';
export type { MockSnapshot } from './handlers/mock-control.ts';
export * from '../engine/index.ts';

/**
 * msw is an optional peer dependency (only this entry needs it), so it may be missing. Checked
 * before the handlers load, because a static import would fail first with a bare "cannot find
 * package 'msw'" from deep inside dist/ that does not say what to install.
 */
async function loadHandlers(): Promise<typeof Routes> {
  try {
    await import('msw');
  } catch (error) {
    throw new Error(
      'slotkit/mock needs msw, an optional peer dependency of slotkit: install it with ' +
        '`npm install --save-dev msw@^2.15`.',
      { cause: error },
    );
  }
  return import('./routes.ts');
}

export const { createHandlers } = await loadHandlers();
