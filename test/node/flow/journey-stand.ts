import type { JourneyHost } from '../../../src/flow/host.ts';
import type { FlowOptions } from '../../../src/flow/settings.ts';
import type { Cue, FlowState, Held, Notice, Signal } from '../../../src/flow/state.ts';
import type { SlotkitClient } from '../../../src/sdk/index.ts';
import type { AvailableSlot, Booking, Group, Hold } from '../../../src/schemas/index.ts';

/**
 * A stand-in JourneyHost and client for holding.ts's tests (holding-edges, holding-follow): it
 * records every state, signal, cue, notice and client call, and answers only what it is given.
 */

export const NOW = Date.parse('2026-12-04T12:00:00Z');
export const SLOT = {
  start: '2026-12-05T10:00:00+01:00',
  end: '2026-12-05T10:30:00+01:00',
  resources: [{ id: 'res_1', name: 'Doc' }],
} as AvailableSlot;
export const GROUP = { id: 'grp_1', attributes: { group_booking: { max_seats: 4 } } } as Group;
export const BY_SLOT: Held = { kind: 'slot', slot: SLOT };
export const BY_CLASS: Held = { kind: 'class', group: GROUP };
export const HOLD = {
  id: 'hold_1',
  state: 'reserved',
  expires_at: new Date(NOW + 10 * 60_000).toISOString(),
} as Hold;
export const CHOOSE = {
  step: 'choose',
  chooser: 'times',
  picker: {
    month: '2026-12',
    date: undefined,
    dates: { status: 'idle' },
    slots: { status: 'idle' },
  },
  busy: false,
} as FlowState;
export const FORM: Extract<FlowState, { step: 'details' }> = {
  step: 'details',
  hold: HOLD,
  held: BY_SLOT,
  values: {},
  submitting: false,
  extending: false,
  fieldErrors: [],
};
export const booked = (patch: Partial<Booking>) =>
  ({ id: 'bk_1', graph: 'instant', state: 'confirmed', ...patch }) as Booking;

export interface Stand {
  host: JourneyHost;
  calls: Array<{ name: string; args: unknown[] }>;
  states: FlowState[];
  signals: Signal[];
  cues: Cue[];
  notices: Array<Notice | undefined>;
  reloads: number[];
}

export interface Setup {
  projectId?: string;
  token?: string;
  options?: Partial<FlowOptions>;
  settings?: boolean;
  until?: string;
  /** What the visitor typed and holds before the test (default: a token and a name). */
  memory?: JourneyHost['memory'];
}

/** A host that records what it is told; `client` answers only what holding.ts asks. */
export function stand(start: FlowState, client: Partial<SlotkitClient>, setup: Setup = {}): Stand {
  let state = start;
  const signal = new AbortController().signal;
  const calls: Stand['calls'] = [];
  const record = new Proxy(
    { serverNow: () => NOW, ...client },
    {
      get: (target, name: string) => {
        const real = target[name as keyof SlotkitClient] as
          ((...args: unknown[]) => unknown) | undefined;
        return real && ((...args: unknown[]) => (calls.push({ name, args }), real(...args)));
      },
    },
  );
  const seen: Omit<Stand, 'host' | 'calls'> = {
    states: [],
    signals: [],
    cues: [],
    notices: [],
    reloads: [],
  };
  const host: JourneyHost = {
    client: record as SlotkitClient,
    options: { client: record as SlotkitClient, remoteConfig: false, ...setup.options },
    memory: setup.memory ?? { token: 'tok_old', values: { name: 'typed' }, heldGroup: undefined },
    read: () => state,
    write: (next) => {
      state = next;
      seen.states.push(next);
    },
    emit: (next) => seen.signals.push(next),
    cue: (next) => seen.cues.push(next),
    settings: () =>
      setup.settings === false
        ? undefined
        : {
            graph: 'instant',
            availability: {},
            what: 'Checkup',
            about: {},
            ...(setup.projectId ? { projectId: setup.projectId } : {}),
          },
    timeZone: () => 'Europe/Oslo',
    access: () => ({ signal, ...(setup.token ? { customerToken: setup.token } : {}) }),
    choose: (notice) => seen.notices.push(notice),
    reloadChoices: () => seen.reloads.push(seen.states.length),
    cancellableUntil: () => setup.until,
    linkRefused: () => false,
  };
  return { host, calls, ...seen };
}

/** Whether a call passed the journey's abort signal (a bare assert.ok on it can hang a run). */
export const signalled = (call?: { args: unknown[] }): boolean =>
  (call?.args[1] as { signal?: unknown } | undefined)?.signal instanceof AbortSignal;

export const refuse = (code: string, details?: unknown) => () =>
  Promise.reject({ code, message: `${code} message`, ...(details ? { details } : {}) });
