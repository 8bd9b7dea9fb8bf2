import { http } from 'msw';
import { z } from 'zod';
import { EngineError, OffsetClock, type StoreSnapshot } from '../../engine/index.ts';
import { CLOCK_RANGE, DURATION_BOUNDS, parseDuration } from '../../engine/duration.ts';
import { boundedDuration, instant } from '../../engine/input.ts';
import { parseInstant } from '../../lib/time/index.ts';
import type { MockApi } from '../api.ts';
import { endpoint, withBody } from '../http.ts';

/** The snapshot `_mock/snapshot` trades: the store plus where the clock stood. */
export interface MockSnapshot {
  version: 1;
  clock: { now: string; offset_ms: number };
  store: StoreSnapshot;
}

/**
 * A snapshot the server produced can grow with the sandbox (hundreds of bookings, months of
 * logs: a few MB); this leaves room for ten times that and still bounds a request's memory.
 */
const MAX_SNAPSHOT_BYTES = 32 * 1024 * 1024;

const clockInput = z
  .object({
    advance: boundedDuration(DURATION_BOUNDS.clockAdvance).optional(),
    set: instant.optional(),
  })
  .strict()
  .refine((body) => (body.advance === undefined) !== (body.set === undefined), {
    message: 'needs exactly one of advance ("15 minutes") or set ("<RFC 3339 date-time>")',
  });

const resetInput = z.object({ seed: z.enum(['demo', 'empty']).optional() }).strict();

/** The engine checks the store itself (graphs, states, references); this is the envelope. */
const snapshotInput = z
  .object({
    version: z.literal(1),
    clock: z
      .object({
        now: instant,
        offset_ms: z.number().finite(),
      })
      .strict()
      .optional(),
    store: z.unknown(),
  })
  .strict();

/** Refuses a clock move that would leave the range every deadline is computed in. */
function checkedClockTarget(target: number, path: string): number {
  if (Number.isFinite(target) && target >= CLOCK_RANGE.min && target <= CLOCK_RANGE.max)
    return target;
  const range = `${new Date(CLOCK_RANGE.min).toISOString()} to ${new Date(CLOCK_RANGE.max).toISOString()}`;
  throw new EngineError('validation_failed', `${path}: the clock must stay within ${range}.`, [
    { path, message: `must keep the clock within ${range}` },
  ]);
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
      endpoint(
        api,
        'none',
        withBody(clockInput, ({ body }) => {
          // Work out the target first: a refused move leaves the clock where it was.
          const target =
            body.advance !== undefined
              ? checkedClockTarget(clock.now() + parseDuration(body.advance)!, 'advance')
              : checkedClockTarget(parseInstant(body.set!)!, 'set');
          clock.set(target);
          engine.settle();
          return { data: now() };
        }),
      ),
    ),
    http.post(
      `${base}/reset`,
      endpoint(
        api,
        'none',
        withBody(resetInput, ({ body }) => {
          const seed = body.seed ?? 'demo';
          api.reset(seed);
          return { data: { seed, ...now() } };
        }),
      ),
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
      endpoint(
        api,
        'none',
        withBody(snapshotInput, ({ body }) => {
          // A running sandbox clock keeps its offset from real time; a manual one its instant.
          const target = !body.clock
            ? undefined
            : clock instanceof OffsetClock
              ? checkedClockTarget(Date.now() + body.clock.offset_ms, 'clock.offset_ms')
              : checkedClockTarget(parseInstant(body.clock.now)!, 'clock.now');
          // Validates the whole store and swaps it in, or throws and leaves it untouched.
          engine.restore(body.store as StoreSnapshot);
          if (target !== undefined) clock.set(target);
          engine.settle();
          return { data: now() };
        }),
        { maxBodyBytes: MAX_SNAPSHOT_BYTES },
      ),
    ),
  ];
}
