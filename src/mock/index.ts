/** `slotkit/mock`: the engine and the API handlers, for testing an integration offline. */
export {
  createMockApi,
  MockApi,
  type AdjustableClock,
  type MockApiOptions,
  type Seed,
} from './api.ts';
export { createHandlers } from './handlers.ts';
export type { MockSnapshot } from './handlers/mock-control.ts';
export * from '../engine/index.ts';
