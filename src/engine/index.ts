/** The booking engine: pure TypeScript, no DOM, no fetch. The mock API and the sandbox run on it. */
export {
  BookingEngine,
  OWNER,
  type Actor,
  type AvailableSlot,
  type EngineOptions,
  type RecurringResult,
} from './engine.ts';
export { ManualClock, OffsetClock, systemClock, type Clock } from './clock.ts';
export { EngineError, type EngineErrorCode, type FieldIssue } from './errors.ts';
export { builtInGraphs } from './graphs/index.ts';
export type * from './graphs/types.ts';
export type * from './records.ts';
export type * from './views.ts';
export type { StoreSnapshot } from './store.ts';
export { parseDuration } from './duration.ts';
export { seedDemo, DEMO_KEYS } from './seed.ts';
