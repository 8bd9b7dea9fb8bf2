import { BookingFlow } from '../../../src/flow/flow.ts';
import type { FlowOptions } from '../../../src/flow/settings.ts';
import type { Cue, FlowState, Signal } from '../../../src/flow/state.ts';
import type { SlotkitClient } from '../../../src/sdk/index.ts';
import type { AvailableSlot, Hold } from '../../../src/schemas/index.ts';

/**
 * BookingFlow over a stand-in client (flow.ts's own tests: flow-start, flow-steps, flow-offline):
 * every client call and report is recorded; the chooser's loads never answer unless the test
 * gives an answer, so only what the test asks for moves the state.
 */

/** 12:00 in Oslo on 4 December 2026. */
export const NOW = Date.parse('2026-12-04T11:00:00Z');
export const never = () => new Promise<never>(() => undefined);

export interface FlowStand {
  flow: BookingFlow;
  /** Client calls but the clock's, in order: name and arguments. */
  calls: Array<{ name: string; args: unknown[] }>;
  states: FlowState[];
  signals: Signal[];
  cues: Cue[];
  /** The calls of one name, their arguments. */
  called(name: string): unknown[][];
}

export function flowStand(
  client: Partial<SlotkitClient> = {},
  options: Partial<FlowOptions> = {},
): FlowStand {
  const calls: FlowStand['calls'] = [];
  const answers: Partial<SlotkitClient> = {
    serverNow: () => NOW,
    clockOffsetMs: () => 0,
    availabilityDates: never,
    availability: never,
    groups: never,
    ...client,
  };
  const record = new Proxy(answers, {
    get: (target, name: string) => {
      const real = target[name as keyof SlotkitClient] as
        ((...args: unknown[]) => unknown) | undefined;
      if (name === 'serverNow' || name === 'clockOffsetMs') return real;
      return real && ((...args: unknown[]) => (calls.push({ name, args }), real(...args)));
    },
  });
  const flow = new BookingFlow({
    client: record as SlotkitClient,
    remoteConfig: false,
    timeZone: 'Europe/Oslo',
    ...options,
  });
  const stand: FlowStand = {
    flow,
    calls,
    states: [],
    signals: [],
    cues: [],
    called: (name) => calls.filter((call) => call.name === name).map(({ args }) => args),
  };
  flow.subscribe((report) => {
    if (report.kind === 'state') stand.states.push(report.state);
    if (report.kind === 'signal') stand.signals.push(report.signal);
    if (report.kind === 'cue') stand.cues.push(report.cue);
  });
  return stand;
}

/** The times chooser as `enterChoose` opens it on `month`, with the notice given. */
export const times = (month: string, notice?: unknown) => ({
  step: 'choose',
  busy: false,
  ...(notice ? { notice } : {}),
  chooser: 'times',
  picker: { month, date: undefined, dates: { status: 'idle' }, slots: { status: 'idle' } },
});

/** The same once the chooser asked for the month's days (the flow's state after `enterChoose`). */
export const choosing = (month: string, notice?: unknown) => {
  const opened = times(month, notice);
  return { ...opened, picker: { ...opened.picker, dates: { status: 'loading' } } };
};

/** A time and the hold on it, as the stand-in client answers them. */
export const SLOT = {
  start: 'a',
  end: 'b',
  resources: [{ id: 'res_1', name: 'Doc' }],
} as AvailableSlot;
export const HOLD = {
  id: 'hold_1',
  state: 'reserved',
  expires_at: '2026-12-04T11:10:00Z',
} as Hold;
