import { Choices, type ChoicesHost } from '../../../src/flow/choices.ts';
import type { FlowSettings } from '../../../src/flow/settings.ts';
import type { FlowState, Picker, Signal } from '../../../src/flow/state.ts';
import type { SlotkitClient } from '../../../src/sdk/index.ts';
import type { AvailableSlot } from '../../../src/schemas/index.ts';

/**
 * A stand-in ChoicesHost and client for choices.ts's tests (choices-edges, choices-early): every
 * call waits until the test answers or refuses it, and every state and signal is recorded.
 */

export interface Call {
  name: string;
  body: unknown;
  signal: AbortSignal;
  answer(value: unknown): void;
  refuse(error: unknown): void;
}

export const PICKER: Picker = {
  month: '2026-03',
  date: undefined,
  dates: { status: 'idle' },
  slots: { status: 'idle' },
};
export const TIMES = { step: 'choose', chooser: 'times', picker: PICKER, busy: false } as FlowState;
export const CLASSES = {
  step: 'choose',
  chooser: 'classes',
  classes: { status: 'idle' },
  busy: false,
} as FlowState;
export const SETTINGS: FlowSettings = {
  graph: 'instant',
  availability: { length: '30 minutes', mode: 'mutual' },
  what: '',
  about: {},
};
/** March 2026 in Oslo: winter time at its start, summer time at April's. */
export const MARCH = { from: '2026-02-28T23:00:00.000Z', to: '2026-03-31T22:00:00.000Z' };
export const SLOT = { start: 'a', end: 'b', resources: [] } as unknown as AvailableSlot;

/** Lets every answer released so far run through the loads. */
export const settle = () => new Promise((resolve) => setImmediate(resolve));

export function stand(start: FlowState, settings: FlowSettings | null = SETTINGS) {
  let state = start;
  const states: FlowState[] = [];
  const signals: Signal[] = [];
  const calls: Call[] = [];
  const ask =
    (name: string) =>
    (body: unknown, options?: { signal?: AbortSignal }): Promise<unknown> =>
      new Promise((answer, refuse) => {
        if (!(options?.signal instanceof AbortSignal)) throw new Error(`${name}: no signal`);
        calls.push({ name, body, signal: options.signal, answer, refuse });
      });
  const client = {
    availability: ask('availability'),
    availabilityDates: ask('availabilityDates'),
    groups: ask('groups'),
  } as unknown as SlotkitClient;
  const host: ChoicesHost = {
    client,
    read: () => state,
    write: (next) => {
      state = next;
      states.push(next);
    },
    signal: (next) => signals.push(next),
    timeZone: () => 'Europe/Oslo',
    settings: () => settings ?? undefined,
  };
  const choices = new Choices(host);
  return { choices, host, states, signals, calls, now: () => state };
}

export const pickerOf = (state: FlowState): Picker => {
  if (!('picker' in state)) throw new Error(`no picker at ${state.step}`);
  return state.picker;
};
export const types = (signals: Signal[]) => signals.map((signal) => signal.type);
