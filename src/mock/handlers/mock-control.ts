import { http } from 'msw';
import { EngineError, OffsetClock, parseDuration, type StoreSnapshot } from '../../engine/index.ts';
import type { MockApi } from '../api.ts';
import { endpoint } from '../http.ts';

/** The snapshot `_mock/snapshot` trades: the store plus where the clock stood. */
export interface MockSnapshot {
  version: 1;
  clock: { now: string; offset_ms: number };
  store: StoreSnapshot;
}

function object(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new EngineError('validation_failed', 'The body must be a JSON object.', [
      { path: '(body)', message: 'must be an object' },
    ]);
  }
  return body as Record<string, unknown>;
}

/** Not part of the production API: the sandbox's and tests' levers (outbox, clock, reset, snapshot). */
export function mockControlHandlers(api: MockApi) {
  const base = `${api.baseUrl}/_mock`;
  const { engine, clock } = api;
  const now = () => ({ now: new Date(clock.now()).toISOString() });
  return [
    http.get(
      `${base}/outbox`,
      endpoint(api, 'none', () => ({ data: engine.outbox() })),
    ),
    http.get(
      `${base}/clock`,
      endpoint(api, 'none', () => ({ data: now() })),
    ),
    http.post(
      `${base}/clock`,
      endpoint(api, 'none', ({ body }) => {
        const { advance, set } = object(body);
        if (typeof advance === 'string' && set === undefined) {
          const ms = parseDuration(advance);
          if (ms === undefined) {
            throw new EngineError(
              'validation_failed',
              'advance: must be a duration such as "15 minutes"',
              [
                {
                  path: 'advance',
                  message: 'must be a duration such as "15 minutes" or "2 hours"',
                },
              ],
            );
          }
          clock.advance(ms);
        } else if (typeof set === 'string' && advance === undefined) {
          const time = Date.parse(set);
          if (Number.isNaN(time)) {
            throw new EngineError('validation_failed', 'set: must be an ISO date-time', [
              { path: 'set', message: 'must be an ISO date-time' },
            ]);
          }
          clock.set(time);
        } else {
          throw new EngineError(
            'validation_failed',
            'Send either { "advance": "15 minutes" } or { "set": "<ISO date-time>" }.',
            [{ path: '(body)', message: 'needs exactly one of advance, set' }],
          );
        }
        engine.settle();
        return { data: now() };
      }),
    ),
    http.post(
      `${base}/reset`,
      endpoint(api, 'none', ({ body }) => {
        const seed = object(body).seed ?? 'demo';
        if (seed !== 'demo' && seed !== 'empty') {
          throw new EngineError('validation_failed', 'seed: must be "demo" or "empty"', [
            { path: 'seed', message: 'must be "demo" or "empty"' },
          ]);
        }
        api.reset(seed);
        return { data: { seed, ...now() } };
      }),
    ),
    http.get(
      `${base}/snapshot`,
      endpoint(api, 'none', (): { data: MockSnapshot } => ({
        data: {
          version: 1,
          clock: { now: new Date(clock.now()).toISOString(), offset_ms: clock.now() - Date.now() },
          store: engine.snapshot(),
        },
      })),
    ),
    http.put(
      `${base}/snapshot`,
      endpoint(api, 'none', ({ body }) => {
        const snapshot = object(body) as Partial<MockSnapshot>;
        const store = snapshot.store as Partial<StoreSnapshot> | undefined;
        const lists = [
          'bookings',
          'holds',
          'resources',
          'projects',
          'collections',
          'outbox',
        ] as const;
        if (
          snapshot.version !== 1 ||
          !store ||
          store.version !== 1 ||
          lists.some((name) => !Array.isArray(store[name]))
        ) {
          throw new EngineError(
            'validation_failed',
            'Not a slotkit snapshot: expected { version: 1, clock, store } from GET _mock/snapshot.',
            [{ path: 'store', message: 'must be a snapshot from GET _mock/snapshot' }],
          );
        }
        const backup = engine.snapshot();
        try {
          engine.restore(store as StoreSnapshot);
        } catch (error) {
          engine.restore(backup);
          throw new EngineError(
            'validation_failed',
            `The snapshot could not be loaded: ${(error as Error).message}`,
          );
        }
        // A running sandbox clock keeps its offset from real time; a manual one its instant.
        const clockState = snapshot.clock;
        if (
          clockState &&
          typeof clockState.offset_ms === 'number' &&
          clock instanceof OffsetClock
        ) {
          clock.set(Date.now() + clockState.offset_ms);
        } else if (
          clockState &&
          typeof clockState.now === 'string' &&
          !Number.isNaN(Date.parse(clockState.now))
        ) {
          clock.set(Date.parse(clockState.now));
        }
        engine.settle();
        return { data: now() };
      }),
    ),
  ];
}
