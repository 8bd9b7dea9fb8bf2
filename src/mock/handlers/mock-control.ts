import { http } from 'msw';
import { z } from 'zod';
import type { StoreSnapshot } from '../../engine/index.ts';
import { DURATION_BOUNDS, parseDuration } from '../../engine/duration.ts';
import { boundedDuration, instant } from '../../engine/input.ts';
import { parseInstant } from '../../lib/time/index.ts';
import { checkedClockTarget, type MockApi } from '../api.ts';
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
export const MAX_SNAPSHOT_BYTES = 32 * 1024 * 1024;

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
      endpoint(api, 'none', () => ({ data: api.snapshot() })),
    ),
    http.put(
      `${base}/snapshot`,
      endpoint(
        api,
        'none',
        withBody(snapshotInput, ({ body }) => {
          api.restore(body as MockSnapshot);
          return { data: now() };
        }),
        { maxBodyBytes: MAX_SNAPSHOT_BYTES },
      ),
    ),
  ];
}
